import { expect, test } from "@playwright/test";
import { DEMO, signIn, sql } from "./support";

type Overdue = { incidentId: string; jobId: string; jobName: string; answerDeadline: Date };
type OverdueRow = Omit<Overdue, "answerDeadline"> & { answerDeadline: string };

/** A seeded package-overdue incident nobody has worked: its job still waits for its package. */
async function untouchedOverdueIncident(): Promise<Overdue> {
  // Prisma stores UTC in "timestamp without time zone": read it as text, parse it as UTC.
  const [row] = await sql<OverdueRow>(
    `SELECT i.id AS "incidentId", j.id AS "jobId", j.name AS "jobName", i."answerDeadline"::text AS "answerDeadline"
       FROM "Incident" i JOIN "Job" j ON j.id = i."jobId"
      WHERE i.kind = 'PackageOverdue' AND i.status = 'Open' AND j.state = 'Shipping'
        AND NOT EXISTS (SELECT 1 FROM "ContactAttempt" c WHERE c."incidentId" = i.id OR c."jobId" = j.id)
        AND NOT EXISTS (SELECT 1 FROM "Drive" d WHERE d."jobId" = j.id AND d.state NOT IN ('Specified', 'NeverReceived'))
      ORDER BY j.name DESC LIMIT 1`,
  );
  if (!row) throw new Error("the seed has no untouched package-overdue incident");
  return { ...row, answerDeadline: new Date(`${row.answerDeadline.replace(" ", "T")}Z`) };
}

test("an overdue package's incident runs to Closed when the customer does not answer in 30 days (R-E2)", async ({
  page,
}) => {
  const overdue = await untouchedOverdueIncident();
  await signIn(page, DEMO.supervisor);
  const sweepAt = (at: Date) =>
    page.request.post("/api/test/clock", { data: { now: at.toISOString() } });

  // One minute before the answer deadline: nothing closes.
  const early = await sweepAt(new Date(overdue.answerDeadline.getTime() - 60_000));
  expect(early.status()).toBe(200);
  await page.goto(`/jobs/${overdue.jobId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(overdue.jobName);
  expect(
    (await sql<{ state: string }>(`SELECT state FROM "Job" WHERE id = $1`, [overdue.jobId]))[0]
      ?.state,
  ).toBe("Shipping");

  // The deadline passes with no answer: Shipping -> Closed, the incident resolved, by the sweep.
  const late = await sweepAt(new Date(overdue.answerDeadline.getTime() + 60_000));
  expect(late.status()).toBe(200);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText("Closed").first()).toBeVisible();
  const [job] = await sql<{ state: string }>(`SELECT state FROM "Job" WHERE id = $1`, [
    overdue.jobId,
  ]);
  expect(job?.state).toBe("Closed");
  const [incident] = await sql<{ status: string; resolution: string }>(
    `SELECT status, resolution FROM "Incident" WHERE id = $1`,
    [overdue.incidentId],
  );
  expect(incident).toEqual({
    status: "Resolved",
    resolution: "No answer within 30 days: job closed (R-E2)",
  });
  const closes = await sql(
    `SELECT id FROM "Event" WHERE "jobId" = $1 AND kind = 'job.closeOverdue' AND "actorType" = 'sweep'`,
    [overdue.jobId],
  );
  expect(closes).toHaveLength(1);

  // The queue agrees: the incident left the open R-E2 list for the resolved one.
  const [owner] = await sql<{ customerId: string }>(
    `SELECT "customerId" FROM "Job" WHERE id = $1`,
    [overdue.jobId],
  );
  const customerId = owner!.customerId;
  const link = (p: typeof page) => p.locator(`a[href="/incidents/${overdue.incidentId}"]`);
  await page.goto(`/incidents?rule=R-E2&customer=${customerId}&overdue=1`);
  await expect(page.getByRole("heading", { name: "Incidents", level: 1 })).toBeVisible();
  await expect(link(page)).toHaveCount(0);
  await page.goto(
    `/incidents?status=resolved&rule=R-E2&customer=${customerId}&sort=opened&dir=desc`,
  );
  await expect(link(page)).toBeVisible();
});

test("the clock hook is for supervisors only, even in the e2e server", async ({ page }) => {
  await signIn(page, DEMO.operator);
  const refused = await page.request.post("/api/test/clock", {
    data: { now: new Date().toISOString() },
  });
  expect(refused.status()).toBe(403);
});
