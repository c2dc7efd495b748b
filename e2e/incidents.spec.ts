import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { DEMO, signIn, sql } from "./support";

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

  // R-E2: filter the queue to the rule (a GET form: the address says so); the seeded
  // package-overdue incident is a row with its 30-day answer countdown. Open it.
  const filters = page.getByRole("form", { name: "Filter incidents" });
  await filters.getByLabel("Rule").selectOption("R-E2");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]rule=R-E2/);
  const row = (s: Seeded) =>
    page
      .getByRole("table", { name: /incidents/ })
      .getByRole("row")
      .filter({ hasText: s.jobName });
  await expect(row(overdue)).toContainText(/Answer by.*(\d+ days? (left|overdue)|due today)/);
  await row(overdue)
    .getByRole("link", { name: /^R-E2: Package more than 14 days late/ })
    .click();
  await expect(page).toHaveURL(new RegExp(`/incidents/${overdue.incidentId}$`));
  const card = (s: Seeded, title: string) =>
    page
      .getByRole("main")
      .filter({ has: page.getByRole("heading", { name: `${title} (${s.jobName})`, level: 1 }) });
  const e2 = card(overdue, "R-E2: Package more than 14 days late");
  await expect(e2.getByRole("list", { name: "Deadlines" })).toContainText(
    /Answer by.*(\d+ days? (left|overdue)|due today)/,
  );
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // Record a phone contact: one ContactAttempt and one incident.contacted event.
  const outcome = e2.getByRole("form", { name: /Record an outcome for R-E2/ });
  await outcome.getByLabel("Outcome").selectOption({ label: "Contacted the customer" });
  await outcome.getByLabel("Phone").check();
  await outcome.getByLabel("No answer").check();
  await outcome.getByLabel("Note").fill("Told the customer the package is missing, e2e");
  await outcome.getByRole("button", { name: /Record outcome/ }).click();
  await expect(outcome.getByText("Contacted the customer: recorded.")).toBeVisible();
  // The answer takes the keyboard focus (not <body>).
  await expect(page.locator(":focus")).toContainText("Contacted the customer: recorded.");
  await expect(e2).toContainText("1 attempt");
  const [contacted] = await sql<{ contacts: string; events: string }>(
    `SELECT (SELECT count(*) FROM "ContactAttempt" WHERE "incidentId" = $1)::text AS contacts,
       (SELECT count(*) FROM "Event" WHERE "incidentId" = $1 AND kind = 'incident.contacted')::text AS events`,
    [overdue.incidentId],
  );
  expect(contacted).toEqual({ contacts: "1", events: "1" });

  // The customer asks us to wait: only a day after the current deadline, and to the end of it.
  const answerBy = async () =>
    (
      await sql<{ at: string }>(
        `SELECT "answerDeadline"::text AS at FROM "Incident" WHERE id = $1`,
        [overdue.incidentId],
      )
    )[0]?.at ?? "";
  const deadlineDay = (await answerBy()).slice(0, 10);
  const nextDay = new Date(Date.parse(`${deadlineDay}T00:00:00Z`) + 86_400_000)
    .toISOString()
    .slice(0, 10);
  await outcome.getByLabel("Outcome").selectOption({ label: "Extended the wait (R-E2)" });
  await expect(outcome.getByLabel("Wait until")).toHaveAttribute("min", nextDay);
  await outcome.getByLabel("Wait until").fill(nextDay);
  await outcome.getByLabel("Note").fill("The customer asked for one more day, e2e");
  await outcome.getByRole("button", { name: /Record outcome/ }).click();
  await expect(page.locator(":focus")).toContainText("Extended the wait (R-E2): recorded.");
  expect(await answerBy()).toBe(`${nextDay} 23:59:59.999`);

  // R-E4: the contact person is unreachable: the drives are destroyed, with a record.
  const serials = (
    await sql<{ serial: string }>(`SELECT serial FROM "Drive" WHERE "jobId" = $1 ORDER BY serial`, [
      badAddress.jobId,
    ])
  ).map((d) => d.serial);
  expect(serials.length).toBeGreaterThan(0);
  await page.goto("/incidents?rule=R-E4&sort=opened");
  await row(badAddress)
    .getByRole("link", { name: /^R-E4: Return address wrong or missing/ })
    .first()
    .click();
  const e4 = card(badAddress, "R-E4: Return address wrong or missing");
  const destroy = e4.getByRole("form", { name: /Record an outcome for R-E4/ });
  await destroy.getByLabel("Outcome").selectOption({ label: "Drives destroyed" });
  await destroy.getByLabel("Destruction method").fill("Shredded on site");
  await destroy.getByLabel("Drive serials").fill(serials.join("\n"));
  await destroy.getByLabel("Note").fill("Contact person unreachable, e2e");
  await destroy.getByRole("button", { name: /Record outcome/ }).click();

  // Resolved: the page says so, the form goes, and it is in the resolved list with its certificate.
  await expect(page.locator(":focus")).toContainText("the incident is resolved");
  await expect(destroy).toHaveCount(0);
  await page.goto("/incidents?status=resolved&rule=R-E4");
  await row(badAddress).getByRole("link", { name: /^R-E4/ }).first().click();
  await expect(e4).toContainText("Resolved");
  await e4.getByRole("link", { name: /Destruction certificate/ }).click();
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

/** A Transferring job nobody else's journey touches: no incident ever, no faulted drive. */
async function quietTransferringJob() {
  const [row] = await sql<{ id: string; name: string; returnAddress: Record<string, string> }>(
    `SELECT j.id, j.name, j."returnAddress" FROM "Job" j
      WHERE j.state = 'Transferring' AND j."returnAddress" IS NOT NULL AND NOT j."cancelRequested"
        AND NOT EXISTS (SELECT 1 FROM "Incident" i WHERE i."jobId" = j.id)
        AND NOT EXISTS (SELECT 1 FROM "Drive" d WHERE d."jobId" = j.id AND d.state = 'Faulted')
      ORDER BY j.name DESC LIMIT 1`,
  );
  if (!row) throw new Error("the seed has no Transferring job without incidents");
  return row;
}

test("open an R-E4 incident by hand, record the corrected return address, it resolves (R-E4)", async ({
  page,
  browser,
}) => {
  // A long journey (two browsers, two pages, the queue and the database): more than 30 s here.
  test.slow();
  const job = await quietTransferringJob();
  await signIn(page, DEMO.supervisor);
  await page.goto("/incidents");
  await expect(page.getByRole("heading", { name: "Incidents", level: 1 })).toBeVisible();

  // Only the jobs the domain allows now are offered: this one is. Nothing is picked at first.
  const open = page.getByRole("form", { name: "Open an R-E4 incident" });
  const jobs = open.getByLabel("Job (Transferring or Packaging)");
  await expect(jobs).toHaveValue("");
  await expect(jobs.locator("option").first()).toHaveText("Pick a job");
  await jobs.selectOption(job.id);
  const summary = open.getByLabel("What is wrong with the address");
  await summary.fill("Typed here while someone else opens it, e2e");

  // Another supervisor, in another browser, opens it first.
  const elsewhere = await browser.newContext();
  try {
    const other = await elsewhere.newPage();
    await signIn(other, DEMO.supervisor);
    await other.goto("/incidents");
    const theirs = other.getByRole("form", { name: "Open an R-E4 incident" });
    await theirs.getByLabel("Job (Transferring or Packaging)").selectOption(job.id);
    await theirs
      .getByLabel("What is wrong with the address")
      .fill("The carrier says the street number does not exist, e2e");
    await theirs.getByRole("button", { name: /Open incident/ }).click();
    // The answer takes the keyboard focus (not <body>).
    await expect(other.locator(":focus")).toContainText(/The R-E4 incident is open/);
  } finally {
    await elsewhere.close();
  }

  // One open at a time: the refresh drops the job here. The choice is cleared (never quietly moved
  // to another job) and the form says why; what was typed stays.
  await expect(open).toContainText(
    "That job is no longer offered: someone else opened this incident.",
    { timeout: 15_000 },
  );
  await expect(jobs).toHaveValue("");
  await expect(jobs.locator(`option[value="${job.id}"]`)).toHaveCount(0);
  await expect(summary).toHaveValue("Typed here while someone else opens it, e2e");

  // It is in the queue with its 90-day destruction countdown (the newest R-E4 first); its page
  // holds the outcomes.
  await page.goto("/incidents?rule=R-E4&sort=opened&dir=desc");
  const listed = page
    .getByRole("table", { name: /incidents/ })
    .getByRole("row")
    .filter({ hasText: job.name });
  await expect(listed).toContainText(/Destroy by.*90 days left/);
  await listed.getByRole("link", { name: /^R-E4: Return address wrong or missing/ }).click();
  const card = page.getByRole("main").filter({
    has: page.getByRole("heading", {
      name: `R-E4: Return address wrong or missing (${job.name})`,
      level: 1,
    }),
  });
  await expect(card.getByRole("list", { name: "Deadlines" })).toContainText(
    /Destroy by.*90 days left/,
  );
  await expect(card).toContainText("The carrier says the street number does not exist, e2e");
  const [opened] = await sql<{ id: string; actor: string; events: string }>(
    `SELECT i.id, e."actorLabel" AS actor,
       (SELECT count(*) FROM "Event" x WHERE x."incidentId" = i.id)::text AS events
     FROM "Incident" i JOIN "Event" e ON e."incidentId" = i.id AND e.kind = 'incident.opened'
     WHERE i."jobId" = $1 AND i.kind = 'ReturnAddressInvalid' AND i.status = 'Open'`,
    [job.id],
  );
  expect(opened).toMatchObject({ actor: DEMO.supervisor.name, events: "1" });

  // The contact person gave the right address: record it. The form starts from the one on record.
  const outcome = card.getByRole("form", { name: /Record an outcome for R-E4/ });
  await outcome.getByLabel("Outcome").selectOption({ label: "Return address corrected (R-E4)" });
  await expect(outcome.getByLabel("Street address", { exact: true })).toHaveValue(
    job.returnAddress.streetAddress1 ?? "",
  );
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations).toEqual([]);
  await outcome.getByLabel("Street address", { exact: true }).fill("77 Harbour Road");
  await outcome.getByLabel("Street address, line 2 (optional)").fill("Goods entrance, e2e");
  await outcome.getByLabel("Note").fill("Contact person confirmed the address by phone");
  // A blank city is refused by the server: what was typed stays, and focus goes to the city.
  await outcome.getByLabel("City", { exact: true }).fill("   ");
  await outcome.getByRole("button", { name: /Record outcome/ }).click();
  await expect(outcome.getByLabel("City", { exact: true })).toBeFocused();
  await expect(outcome.getByLabel("Street address", { exact: true })).toHaveValue(
    "77 Harbour Road",
  );
  await expect(outcome.getByLabel("Note")).toHaveValue(
    "Contact person confirmed the address by phone",
  );
  await outcome.getByLabel("City", { exact: true }).fill(job.returnAddress.city ?? "");
  await outcome.getByRole("button", { name: /Record outcome/ }).click();
  // Resolved: the page says so where the focus goes, the form goes, the resolution is shown
  // with the address it was corrected to.
  await expect(page.locator(":focus")).toContainText("the incident is resolved");
  await expect(outcome).toHaveCount(0);
  await expect(card).toContainText("Return address corrected to");
  await expect(card).toContainText("77 Harbour Road");
  // And it left the open queue for the resolved one.
  await page.goto("/incidents?rule=R-E4");
  await expect(page.getByRole("link", { name: /^R-E4/ }).filter({ hasText: job.name })).toHaveCount(
    0,
  );
  await expect(
    page
      .getByRole("table", { name: /incidents/ })
      .getByRole("row")
      .filter({ hasText: job.name }),
  ).toHaveCount(0);

  // In the database: the job's address changed in the same step, the job kept its state.
  const [after] = await sql<{
    state: string;
    street: string;
    line2: string;
    city: string;
    status: string;
    corrected: string;
  }>(
    `SELECT j.state, j."returnAddress"->>'streetAddress1' AS street,
            j."returnAddress"->>'streetAddress2' AS line2, j."returnAddress"->>'city' AS city,
            i.status,
            (SELECT count(*) FROM "Event" e WHERE e."incidentId" = i.id
               AND e.kind = 'incident.addressCorrected' AND e."jobId" = j.id)::text AS corrected
     FROM "Job" j JOIN "Incident" i ON i."jobId" = j.id WHERE i.id = $1`,
    [opened!.id],
  );
  expect(after).toEqual({
    state: "Transferring",
    street: "77 Harbour Road",
    line2: "Goods entrance, e2e",
    city: job.returnAddress.city,
    status: "Resolved",
    corrected: "1",
  });
});
