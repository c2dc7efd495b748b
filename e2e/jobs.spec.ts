import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn, sql } from "./support";

type JobRef = { id: string; name: string };

// A BitLocker recovery key as the seed writes them: eight groups of six digits.
const BITLOCKER_KEY = /\d{6}(-\d{6}){7}/;

async function jobWithFaultedDrive() {
  const [row] = await sql<JobRef & { serial: string; faultReason: string }>(
    `SELECT j.id, j.name, d.serial, d."faultReason" FROM "Drive" d JOIN "Job" j ON j.id = d."jobId"
     WHERE d.state = 'Faulted' ORDER BY j.name LIMIT 1`,
  );
  if (!row) throw new Error("the seed has no job with a faulted drive");
  return row;
}

async function jobWithIncident() {
  const [row] = await sql<JobRef & { summary: string }>(
    `SELECT j.id, j.name, i.summary FROM "Incident" i JOIN "Job" j ON j.id = i."jobId"
     WHERE i.status = 'Open' ORDER BY j.name LIMIT 1`,
  );
  if (!row) throw new Error("the seed has no job with an open incident");
  return row;
}

const drivesTable = (page: Page) => page.getByRole("table", { name: "Drives of this job" });

test.describe("the job page", () => {
  test.beforeEach(async ({ page }) => signIn(page, DEMO.operator));

  test("the operator opens a job from the list and sees its drives and timeline", async ({
    page,
  }) => {
    const job = await jobWithFaultedDrive();
    await page.goto("/jobs");
    await page
      .getByRole("table", { name: /jobs/i })
      .getByRole("link", { name: job.name, exact: true })
      .first()
      .click();
    await expect(page).toHaveURL(new RegExp(`/jobs/${job.id}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(job.name);
    await expect(page.getByRole("heading", { name: "Details", level: 2 })).toBeVisible();

    const drives = drivesTable(page);
    await expect(drives).toBeVisible();
    const faulted = drives.getByRole("row").filter({ hasText: job.serial });
    await expect(faulted.getByText("Faulted", { exact: true })).toBeVisible();
    await expect(faulted).toContainText(job.faultReason);
    await expect(faulted.getByRole("cell", { name: "Hidden" })).toBeVisible();

    await expect(page.getByRole("heading", { name: "Timeline", level: 2 })).toBeVisible();
    const timeline = page.getByRole("list", { name: "State changes, oldest first" });
    await expect(timeline.getByRole("listitem").first()).toContainText("Created in");
    await expect(timeline.getByRole("listitem").first().locator("time")).toHaveAttribute(
      "datetime",
      /^\d{4}-\d\d-\d\dT/,
    );
    await expect(timeline).toContainText("Transferring");
    await expect(page.getByRole("table", { name: /events of this job/i })).toBeVisible();
  });

  test("a job with an open incident shows it with its deadlines", async ({ page }) => {
    const job = await jobWithIncident();
    await page.goto(`/jobs/${job.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(job.name);
    const incidents = page.getByRole("region", { name: /^Incidents/ });
    await expect(incidents.getByRole("heading", { level: 3 }).first()).toBeVisible();
    await expect(incidents).toContainText(job.summary);
    await expect(incidents.getByText("Open", { exact: true }).first()).toBeVisible();
  });

  test("no BitLocker key ever reaches the browser", async ({ page }) => {
    const jobs = await sql<JobRef & { keys: string }>(
      `SELECT j.id, j.name, count(d."bitLockerKey") AS keys FROM "Job" j
       JOIN "Drive" d ON d."jobId" = j.id WHERE d."bitLockerKey" IS NOT NULL
       GROUP BY j.id, j.name ORDER BY count(d."bitLockerKey") DESC LIMIT 3`,
    );
    expect(jobs.length).toBeGreaterThan(0);
    const [sample] = await sql<{ bitLockerKey: string }>(
      `SELECT "bitLockerKey" FROM "Drive" WHERE "jobId" = $1 AND "bitLockerKey" IS NOT NULL LIMIT 1`,
      [jobs[0]!.id],
    );
    // The check below means something only if the seeded keys have that shape.
    expect(sample?.bitLockerKey).toMatch(BITLOCKER_KEY);
    for (const job of jobs) {
      const response = await page.goto(`/jobs/${job.id}`);
      const html = await response!.text();
      expect(html).not.toMatch(BITLOCKER_KEY);
      expect(await page.content()).not.toMatch(BITLOCKER_KEY);
      await expect(drivesTable(page).getByRole("cell", { name: "Hidden" })).toHaveCount(
        await drivesTable(page)
          .getByRole("row")
          .count()
          .then((n) => n - 1),
      );
    }
  });

  test("an unknown or malformed job id shows a not-found page", async ({ page }) => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-job"]) {
      const response = await page.goto(`/jobs/${id}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "Job not found", level: 1 })).toBeVisible();
      await expect(page.getByRole("link", { name: "Back to the jobs list" })).toBeVisible();
    }
  });

  test("the page has no accessibility violations", async ({ page }) => {
    for (const job of [await jobWithFaultedDrive(), await jobWithIncident()]) {
      await page.goto(`/jobs/${job.id}`);
      await expect(page.getByRole("heading", { level: 1 })).toContainText(job.name);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations).toEqual([]);
    }
  });
});

test.describe("on a small dock screen (360 px)", () => {
  test.use({ viewport: { width: 360, height: 740 } });
  test.beforeEach(async ({ page }) => signIn(page, DEMO.supervisor));

  test("a job opens from its card and the page does not scroll sideways", async ({ page }) => {
    const job = await jobWithFaultedDrive();
    await page.goto("/jobs");
    await page
      .getByRole("list", { name: "Jobs" })
      .getByRole("link", { name: job.name, exact: true })
      .first()
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(job.name);
    await expect(drivesTable(page)).toBeAttached();
    // Visually hidden text inside a table that scrolls must not widen the page either.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations).toEqual([]);
  });
});

test.describe("the job page's life cycle", () => {
  test("shows the job's life-cycle diagram with its current state marked", async ({ page }) => {
    await signIn(page, DEMO.operator);
    await page.getByRole("link", { name: "Jobs" }).first().click();
    await page.getByRole("link", { name: /^Transferring \(\d+\)$/ }).click();
    // The first job of the list (the header's links sort the columns).
    const rows = page.getByRole("table", { name: /jobs/i }).getByRole("rowgroup").last();
    await rows.getByRole("link").first().click();
    const section = page.getByRole("region", { name: "Where the job stands in its life cycle" });
    await expect(section.getByRole("img", { name: /Job life cycle/ })).toBeVisible();
    await expect(section.getByText("(now)").first()).toBeVisible();
  });
});
