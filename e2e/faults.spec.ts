import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { DEMO, signIn } from "./support";

// The e2e server's own embedded database (playwright.config.ts).
const E2E_DB = `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_DB_PORT ?? 54340}/postgres`;
async function sql<T>(text: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: E2E_DB });
  await c.connect();
  try {
    return (await c.query(text, values)).rows as T[];
  } finally {
    await c.end();
  }
}

type DriveRef = { jobId: string; driveId: string; serial: string };

/** A listed drive at the dock, in a job that is working: the domain lets an operator fault it. */
async function receivedDrive(): Promise<DriveRef> {
  const [row] = await sql<DriveRef>(
    `SELECT j.id AS "jobId", d.id AS "driveId", d.serial FROM "Drive" d JOIN "Job" j ON j.id = d."jobId"
     WHERE d.state = 'Received' AND NOT d.extra AND j.state IN ('Received', 'Transferring')
       AND NOT j."cancelRequested"
     ORDER BY d.serial LIMIT 1`,
  );
  if (!row) throw new Error("the seed has no received drive in a working job");
  return row;
}

test("fault a drive and resolve it (R-F1, R-F2, R-F3)", async ({ page }) => {
  const drive = await receivedDrive();

  // R-F1: the operator faults the drive from the job page with a reason and a note.
  await signIn(page, DEMO.operator);
  await page.goto(`/jobs/${drive.jobId}`);
  await page.getByText(`Fault drive ${drive.serial}`, { exact: true }).click();
  const faultForm = page.getByRole("form", { name: `Fault drive ${drive.serial}` });
  await faultForm.getByLabel("Reason").selectOption({ label: "Disk corrupted" });
  await faultForm.getByLabel("Note").fill("Clicks on spin-up, e2e");
  await faultForm.getByRole("button", { name: "Mark Faulted" }).click();
  // The page re-renders: the drive is Faulted, with its reason, and its fault form is gone.
  await expect(
    page
      .getByRole("table", { name: "Drives of this job" })
      .getByRole("row")
      .filter({ hasText: drive.serial }),
  ).toContainText("Disk corrupted: Clicks on spin-up, e2e");
  const [faulted] = await sql<{ state: string; faultedFrom: string; faultReason: string }>(
    `SELECT state, "faultedFrom", "faultReason" FROM "Drive" WHERE id = $1`,
    [drive.driveId],
  );
  expect(faulted).toEqual({
    state: "Faulted",
    faultedFrom: "Received",
    faultReason: "Disk corrupted: Clicks on spin-up, e2e",
  });

  // R-F2: the supervisor finds it in the queue and records a phone call.
  await page.context().clearCookies();
  await signIn(page, DEMO.supervisor);
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Faults" })
    .click();
  await expect(page.getByRole("heading", { name: "Faults", level: 1 })).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations).toEqual([]);

  const card = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: `Drive ${drive.serial}` }) });
  await expect(card).toContainText("Disk corrupted: Clicks on spin-up, e2e");
  const contact = card.getByRole("form", { name: `Record a contact about drive ${drive.serial}` });
  await contact.getByLabel("Phone").check();
  await contact.getByLabel("Outcome").fill("Called the customer: they will send a new drive");
  await contact.getByRole("button", { name: /Record contact/ }).click();
  await expect(contact.getByText("The phone contact is recorded.")).toBeVisible();
  const [attempt] = await sql<{ channel: string; outcome: string; events: string }>(
    `SELECT c.channel, c.outcome,
       (SELECT count(*) FROM "Event" e WHERE e."driveId" = $1 AND e.kind = 'contact.recorded')::text AS events
     FROM "ContactAttempt" c WHERE c."driveId" = $1`,
    [drive.driveId],
  );
  expect(attempt).toEqual({
    channel: "phone",
    outcome: "Called the customer: they will send a new drive",
    events: "1",
  });

  // R-F3: it goes back to the state it came from, among the domain's targets only.
  const resolve = card.getByRole("form", { name: `Resolve drive ${drive.serial}` });
  await expect(
    resolve.getByLabel("Return to").locator("option", { hasText: "Faulted" }),
  ).toHaveCount(0);
  await resolve.getByLabel("Return to").selectOption("Received");
  await resolve.getByLabel("Resolution note").fill("Reseated the drive; it mounts");
  await resolve.getByRole("button", { name: /Resolve/ }).click();
  // Resolved, it leaves the queue.
  await expect(card).toHaveCount(0);
  const [resolved] = await sql<{ state: string; faultReason: string | null }>(
    `SELECT state, "faultReason" FROM "Drive" WHERE id = $1`,
    [drive.driveId],
  );
  expect(resolved).toEqual({ state: "Received", faultReason: null });
});
