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

type Seeded = { incidentId: string; jobId: string; jobName: string };

async function openIncidentOf(kind: string): Promise<Seeded> {
  const [row] = await sql<Seeded>(
    `SELECT i.id AS "incidentId", j.id AS "jobId", j.name AS "jobName"
     FROM "Incident" i JOIN "Job" j ON j.id = i."jobId"
     WHERE i.kind = $1 AND i.status = 'Open' ORDER BY j.name LIMIT 1`,
    [kind],
  );
  if (!row) throw new Error(`the seed has no open ${kind} incident`);
  return row;
}

test("work incidents: countdown, contact, destruction certificate (R-E2, R-E4)", async ({
  page,
}) => {
  const overdue = await openIncidentOf("PackageOverdue");
  const badAddress = await openIncidentOf("ReturnAddressInvalid");

  await signIn(page, DEMO.supervisor);
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Incidents" })
    .click();
  await expect(page.getByRole("heading", { name: "Incidents", level: 1 })).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations).toEqual([]);

  // R-E2: the seeded package-overdue incident, with its 30-day answer countdown.
  const card = (s: Seeded, title: string) =>
    page
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: `${title} (${s.jobName})` }) });
  const e2 = card(overdue, "R-E2: Package more than 14 days late");
  await expect(e2.getByRole("list", { name: "Deadlines" })).toContainText(
    /Answer by.*(\d+ days? (left|overdue)|due today)/,
  );

  // Record a phone contact: one ContactAttempt and one incident.contacted event.
  const outcome = e2.getByRole("form", { name: /Record an outcome for R-E2/ });
  await outcome.getByLabel("Outcome").selectOption({ label: "Contacted the customer" });
  await outcome.getByLabel("Phone").check();
  await outcome.getByLabel("Note").fill("Told the customer the package is missing, e2e");
  await outcome.getByRole("button", { name: /Record outcome/ }).click();
  await expect(outcome.getByText("Contacted the customer: recorded.")).toBeVisible();
  await expect(e2).toContainText("1 attempt");
  const [contacted] = await sql<{ contacts: string; events: string }>(
    `SELECT (SELECT count(*) FROM "ContactAttempt" WHERE "incidentId" = $1)::text AS contacts,
       (SELECT count(*) FROM "Event" WHERE "incidentId" = $1 AND kind = 'incident.contacted')::text AS events`,
    [overdue.incidentId],
  );
  expect(contacted).toEqual({ contacts: "1", events: "1" });

  // R-E4: the contact person is unreachable: the drives are destroyed, with a record.
  const serials = (
    await sql<{ serial: string }>(`SELECT serial FROM "Drive" WHERE "jobId" = $1 ORDER BY serial`, [
      badAddress.jobId,
    ])
  ).map((d) => d.serial);
  expect(serials.length).toBeGreaterThan(0);
  const e4 = card(badAddress, "R-E4: Return address wrong or missing");
  const destroy = e4.getByRole("form", { name: /Record an outcome for R-E4/ });
  await destroy.getByLabel("Outcome").selectOption({ label: "Drives destroyed" });
  await destroy.getByLabel("Destruction method").fill("Shredded on site");
  await destroy.getByLabel("Drive serials").fill(serials.join("\n"));
  await destroy.getByLabel("Note").fill("Contact person unreachable, e2e");
  await destroy.getByRole("button", { name: /Record outcome/ }).click();

  // Resolved, it moves to the recently resolved list with its certificate.
  const resolved = page.getByRole("list", { name: "Recently resolved incidents" });
  await resolved
    .getByRole("listitem")
    .filter({ hasText: badAddress.jobName })
    .getByRole("link", { name: /Destruction certificate/ })
    .click();
  await expect(
    page.getByRole("heading", { name: "Certificate of secure drive destruction", level: 1 }),
  ).toBeVisible();
  const printed = page.getByRole("list", { name: "Destroyed drive serials" });
  for (const serial of serials) await expect(printed).toContainText(serial);
  await expect(page.getByRole("main")).toContainText("Shredded on site");
  await expect(page.getByRole("main")).toContainText(DEMO.supervisor.name);
  const certAxe = await new AxeBuilder({ page }).analyze();
  expect(certAxe.violations).toEqual([]);
});
