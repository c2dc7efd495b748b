import { createHash, randomBytes, randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { COPY_STATION_JOURNEY_JOB, DEMO_STATION_KEY } from "../prisma/demo-data.ts";
import { realDeps, runCopyStations } from "../lib/simulator/copy-station.ts";
import { sql } from "./support";

/** The status page allows 60 requests a minute per address: reload at most every 1.5 s. */
const RELOAD = { intervals: [1_500], timeout: 90_000 };

const driveItem = (page: Page, serial: string) =>
  page
    .getByRole("region", { name: "Drives" })
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: serial, exact: true }) });

const copyProgress = (page: Page, serial: string) =>
  page.getByRole("progressbar", { name: `Copy progress of drive ${serial}` });

test("a customer follows the copy of their drives on the status page while the copy stations work (R-D6, R-D7, R-D8, R-J8, R-J9)", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  // The seeded job kept for this journey: an import job whose three drives are all Received.
  const [job] = await sql<{ id: string; state: string }>(
    `SELECT id, state FROM "Job" WHERE name = $1`,
    [COPY_STATION_JOURNEY_JOB.name],
  );
  expect(job, `the seed has job ${COPY_STATION_JOURNEY_JOB.name}`).toBeDefined();
  expect(job!.state).toBe("Received");
  const serials = [...COPY_STATION_JOURNEY_JOB.serials];

  // The customer's status link, as a supervisor would have shared it: only the hash is stored.
  const token = randomBytes(32).toString("base64url");
  await sql(
    `INSERT INTO "StatusLink" (id, "jobId", "tokenHash", "createdAt") VALUES ($1, $2, $3, now())`,
    [randomUUID(), job!.id, createHash("sha256").update(token).digest("hex")],
  );

  await page.goto(`/status/${token}`);
  await expect(page.getByRole("region", { name: "Current state" })).toContainText("Received");
  for (const serial of serials) await expect(driveItem(page, serial)).toContainText("Received");

  // The copy stations, as `npm run simulate -- --once --job <name>` runs them, fast.
  const lines: string[] = [];
  const simulator = runCopyStations(
    {
      baseUrl: baseURL!,
      key: DEMO_STATION_KEY,
      stations: 3,
      speed: 5,
      errorRate: 0.5,
      once: true,
      seed: 2026,
      resume: false,
      jobName: COPY_STATION_JOURNEY_JOB.name,
    },
    { ...realDeps(), log: (line) => lines.push(line) },
  );

  // R-D6, R-J8: while the drives are being copied the page shows it, with their progress.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("region", { name: "Current state" })).toContainText("Transferring");
    const percents = await Promise.all(
      serials.map(async (s) => Number(await copyProgress(page, s).getAttribute("value"))),
    );
    expect(percents.some((p) => p > 0 && p < 100)).toBe(true);
    expect(
      await page.getByRole("region", { name: "Drives" }).getByText("Transferring").count(),
    ).toBeGreaterThan(0);
  }).toPass(RELOAD);

  const summary = await simulator;
  expect(summary.completed + summary.completedMoreInfo, lines.join("\n")).toBe(3);
  expect(summary.jobsPackaging).toEqual([COPY_STATION_JOURNEY_JOB.name]);

  // R-D7, R-D8, R-J9: every drive done, each as the station reported it, and the job Packaging.
  const drives = await sql<{ serial: string; state: string; errorLogUri: string | null }>(
    `SELECT serial, state, "errorLogUri" FROM "Drive" WHERE "jobId" = $1 ORDER BY serial`,
    [job!.id],
  );
  expect(
    drives.map((d) => d.state).every((s) => s === "Completed" || s === "CompletedMoreInfo"),
  ).toBe(true);
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("region", { name: "Current state" })).toContainText("Packaging");
  }).toPass(RELOAD);
  for (const d of drives) {
    const item = driveItem(page, d.serial);
    await expect(item).toContainText(
      d.state === "CompletedMoreInfo" ? "Completed, more information" : "Completed",
    );
    if (d.state === "Completed") await expect(item).not.toContainText("more information");
    await expect(copyProgress(page, d.serial)).toHaveAttribute("value", "100");
    // R-G4: the error log the station reported is linked from the drive.
    expect(d.errorLogUri).toMatch(
      /^https:\/\/[a-z0-9]+\.blob\.core\.windows\.net\/dockside-logs\//,
    );
    await expect(item.getByRole("link", { name: /error log/i })).toHaveAttribute(
      "href",
      d.errorLogUri!,
    );
  }
  await expect(page.getByText("Copied so far: about 100% of the job.")).toBeVisible();
  await expect(page.locator("script")).toHaveCount(0);
});
