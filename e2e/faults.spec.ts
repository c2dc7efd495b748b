import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn, sql } from "./support";

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

/** A second such drive, from the other end of the list (the first test may take the first). */
async function anotherReceivedDrive(): Promise<DriveRef> {
  const [row] = await sql<DriveRef>(
    `SELECT j.id AS "jobId", d.id AS "driveId", d.serial FROM "Drive" d JOIN "Job" j ON j.id = d."jobId"
     WHERE d.state = 'Received' AND NOT d.extra AND j.state IN ('Received', 'Transferring')
       AND NOT j."cancelRequested"
     ORDER BY d.serial DESC LIMIT 1`,
  );
  if (!row) throw new Error("the seed has no received drive in a working job");
  return row;
}

/** R-F1 from the job page, as the operator does it. */
async function faultFromJobPage(page: Page, drive: DriveRef, reason: string, note: string) {
  await page.goto(`/jobs/${drive.jobId}`);
  await page.getByText(`Fault drive ${drive.serial}`, { exact: true }).click();
  const faultForm = page.getByRole("form", { name: `Fault drive ${drive.serial}` });
  await faultForm.getByLabel("Reason").selectOption({ label: reason });
  await faultForm.getByLabel("Note").fill(note);
  await faultForm.getByRole("button", { name: "Mark Faulted" }).click();
  await expect(
    page
      .getByRole("table", { name: "Drives of this job" })
      .getByRole("row")
      .filter({ hasText: drive.serial }),
  ).toContainText(`${reason}: ${note}`);
}

test("fault a drive and resolve it (R-F1, R-F2, R-F3)", async ({ page }) => {
  const drive = await receivedDrive();

  // R-F1: the operator faults the drive from the job page with a reason and a note.
  await signIn(page, DEMO.operator);
  // The page re-renders: the drive is Faulted, with its reason.
  await faultFromJobPage(page, drive, "Disk corrupted", "Clicks on spin-up, e2e");
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
  await contact.getByLabel("Reached: they will act on it").check();
  await contact.getByLabel("Note").fill("Called the customer: they will send a new drive");
  await contact.getByRole("button", { name: /Record contact/ }).click();
  await expect(contact.getByText("The phone contact is recorded.")).toBeVisible();
  // The answer takes the keyboard focus (not <body>), and the form is ready for the next one.
  await expect(page.locator(":focus")).toContainText("The phone contact is recorded.");
  await expect(contact.getByLabel("Note")).toHaveValue("");
  const [attempt] = await sql<{ channel: string; result: string; outcome: string; events: string }>(
    `SELECT c.channel, c.result, c.outcome,
       (SELECT count(*) FROM "Event" e WHERE e."driveId" = $1 AND e.kind = 'contact.recorded')::text AS events
     FROM "ContactAttempt" c WHERE c."driveId" = $1`,
    [drive.driveId],
  );
  expect(attempt).toEqual({
    channel: "phone",
    result: "reachedWillShip",
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
  // Resolved, it leaves the queue; the queue says so, and focus goes there.
  await expect(card).toHaveCount(0);
  await expect(page.locator(":focus")).toContainText(`Drive ${drive.serial} is back in Received.`);
  const [resolved] = await sql<{ state: string; faultReason: string | null }>(
    `SELECT state, "faultReason" FROM "Drive" WHERE id = $1`,
    [drive.driveId],
  );
  expect(resolved).toEqual({ state: "Received", faultReason: null });
});

test("a fault raised in another browser appears in the open faults page without a reload, and what the supervisor is typing stays (R-F1, R-F2)", async ({
  page,
  browser,
}) => {
  const drive = await anotherReceivedDrive();

  await signIn(page, DEMO.supervisor);
  await page.goto("/faults");
  await expect(page.getByRole("heading", { name: "Faults", level: 1 })).toBeVisible();
  await expect(page.getByText(/Updated \d\d:\d\d:\d\d UTC/)).toBeVisible();
  await expect(
    page.getByRole("listitem").filter({
      has: page.getByRole("heading", { name: `Drive ${drive.serial}` }),
    }),
  ).toHaveCount(0);
  // Gone if the page reloads.
  await page.evaluate(() => {
    (window as unknown as { stillThisPage?: boolean }).stillThisPage = true;
  });

  // The supervisor is halfway through a contact note on a fault already in the queue.
  const queue = page.getByRole("list", { name: "Faults, oldest first" });
  const typing = queue
    .getByRole("listitem")
    .first()
    .getByRole("form", { name: /^Record a contact about / })
    .getByLabel("Note");
  await typing.fill("Left a voicemail, will call back at 3");

  // Meanwhile an operator, signed in in another browser context, faults a drive.
  const elsewhere = await browser.newContext();
  try {
    const operatorPage = await elsewhere.newPage();
    await signIn(operatorPage, DEMO.operator);
    await faultFromJobPage(operatorPage, drive, "Unsupported disk", "4Kn sectors, e2e live");
  } finally {
    await elsewhere.close();
  }

  // The queue polls every 5 s: the new fault appears on its own.
  const card = queue.getByRole("listitem").filter({
    has: page.getByRole("heading", { name: `Drive ${drive.serial}` }),
  });
  await expect(card).toBeVisible({ timeout: 15_000 });
  await expect(card).toContainText("Unsupported disk: 4Kn sectors, e2e live");
  expect(
    await page.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage),
  ).toBe(true);
  await expect(typing).toHaveValue("Left a voicemail, will call back at 3");
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations).toEqual([]);

  // The forms of a card that arrived by polling work: resolve it back (R-F3).
  const resolve = card.getByRole("form", { name: `Resolve drive ${drive.serial}` });
  await resolve.getByLabel("Return to").selectOption("Received");
  await resolve.getByLabel("Resolution note").fill("Reformatted to 512e; it mounts");
  await resolve.getByRole("button", { name: /Resolve/ }).click();
  await expect(card).toHaveCount(0);
  const [resolved] = await sql<{ state: string; faultReason: string | null }>(
    `SELECT state, "faultReason" FROM "Drive" WHERE id = $1`,
    [drive.driveId],
  );
  expect(resolved).toEqual({ state: "Received", faultReason: null });
  // Still typed, after the page re-rendered for the resolution too.
  await expect(typing).toHaveValue("Left a voicemail, will call back at 3");
});
