import { createHash } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn, sql } from "./support";

type SeededJob = { id: string; name: string; serial: string };

/**
 * An import job with drives in the copy and no status link yet: the last one by name, so that the
 * dock journeys (which take the first Shipping jobs) and the key reveals (finished jobs) leave it be.
 * Not a cancelled one: its page adds that the copy was skipped (R-J14).
 */
async function jobWithoutLink(): Promise<SeededJob> {
  const [row] = await sql<SeededJob>(
    `SELECT j.id, j.name, min(d.serial) AS serial FROM "Job" j JOIN "Drive" d ON d."jobId" = j.id
      WHERE j.state IN ('Transferring', 'Packaging', 'Received') AND j.type = 'Import' AND NOT d.extra
        AND NOT j."cancelRequested"
        AND NOT EXISTS (SELECT 1 FROM "StatusLink" s WHERE s."jobId" = j.id AND s."revokedAt" IS NULL)
      GROUP BY j.id ORDER BY j.name DESC LIMIT 1`,
  );
  if (!row) throw new Error("the seed has no import job in the copy without a status link");
  return row;
}

const section = (page: Page) => page.getByRole("region", { name: "Customer status link" });

test("a supervisor shares a status link; a signed-out customer follows the job in English and French; a revoked link is gone", async ({
  page,
  context,
  browser,
}) => {
  // A long journey (two browsers, two languages, three accessibility checks): on a busy machine it
  // outgrows the default 30 s.
  test.slow();
  const job = await jobWithoutLink();
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, DEMO.supervisor);
  await page.goto(`/jobs/${job.id}`);

  const links = section(page);
  await expect(links).toContainText("This job has no active status link.");
  await links.getByRole("button", { name: "Create status link" }).click();
  const field = links.getByLabel("New status link (shown only this once)");
  await expect(field).toBeFocused();
  const url = await field.inputValue();
  expect(url).toMatch(/\/status\/[A-Za-z0-9_-]{43}$/);
  await links.getByRole("button", { name: "Copy link" }).click();
  await expect(links.getByRole("status").filter({ hasText: "Link copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await expect(links).toContainText(`by ${DEMO.supervisor.name}`);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // Only the token's hash is stored, and the creation is an event that holds neither.
  const token = url.split("/").pop()!;
  const hash = createHash("sha256").update(token).digest("hex");
  const stored = await sql<{ tokenHash: string }>(
    `SELECT "tokenHash" FROM "StatusLink" WHERE "jobId" = $1 AND "revokedAt" IS NULL`,
    [job.id],
  );
  expect(stored).toEqual([{ tokenHash: hash }]);
  const events = await sql<{ data: unknown }>(
    `SELECT data FROM "Event" WHERE kind = 'statusLink.created' AND "jobId" = $1`,
    [job.id],
  );
  expect(events).toHaveLength(1);
  expect(JSON.stringify(events)).not.toContain(token);

  // A signed-out visitor, in a browser of their own.
  const visitor = await browser.newContext({ locale: "en-US" });
  const customer = await visitor.newPage();
  const response = await customer.goto(url);
  expect(response!.status()).toBe(200);
  expect(response!.headers()["cache-control"]).toBe("private, no-store");
  expect(response!.headers()["x-robots-tag"]).toBe("noindex, nofollow");
  const [current] = await sql<{ state: string }>(`SELECT state FROM "Job" WHERE id = $1`, [job.id]);
  await expect(customer.getByRole("heading", { level: 1 })).toContainText(job.name);
  await expect(customer.getByRole("region", { name: "Current state" })).toContainText(
    current!.state,
  );
  await expect(customer.getByRole("region", { name: "Drives" })).toContainText(job.serial);
  await expect(customer.getByText(/Copied so far: about \d+% of the job\./)).toBeVisible();
  await expect(customer.getByRole("progressbar").first()).toBeVisible();
  await expect(customer.locator("script")).toHaveCount(0);
  expect((await new AxeBuilder({ page: customer }).analyze()).violations).toEqual([]);

  await customer.getByRole("link", { name: "Français" }).click();
  await expect(customer.locator("html")).toHaveAttribute("lang", "fr");
  await expect(customer.getByRole("heading", { name: "État actuel" })).toBeVisible();
  await expect(
    customer.getByText(/Copié à ce jour\s?: environ \d+\s?% du travail\./),
  ).toBeVisible();
  await expect(customer.getByRole("link", { name: "Français" })).toHaveAttribute(
    "aria-current",
    "true",
  );

  // The supervisor revokes it: the customer's page is a plain 404 from now on.
  await links.getByRole("button", { name: "Revoke link" }).click();
  await links.getByRole("button", { name: "Yes, revoke the link" }).click();
  await expect(links).toContainText("This job has no active status link.");
  const gone = await customer.goto(url);
  expect(gone!.status()).toBe(404);
  await expect(customer.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(customer.locator("body")).not.toContainText(job.name);
  await visitor.close();
});

test("an operator sees no status link section on a job page", async ({ page }) => {
  const job = await jobWithoutLink();
  await signIn(page, DEMO.operator);
  await page.goto(`/jobs/${job.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(job.name);
  await expect(section(page)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Create status link" })).toHaveCount(0);
});
