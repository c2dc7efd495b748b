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
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Faults" }),
  ).toHaveAttribute("aria-current", "page");
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations).toEqual([]);

  // The queue is a table: filter it to drives (a GET form: the address says so), open the fault.
  const filters = page.getByRole("form", { name: "Filter faults" });
  await filters.getByLabel("Kind").selectOption({ label: "Drives" });
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]kind=drive/);
  const row = page
    .getByRole("table", { name: "Faults" })
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: `Drive ${drive.serial}` }) });
  await expect(row).toContainText("Disk corrupted: Clicks on spin-up, e2e");
  await expect(row.locator("time").first()).toHaveAttribute("title", /UTC$/);
  await row.getByRole("link", { name: `Drive ${drive.serial}` }).click();
  await expect(page).toHaveURL(new RegExp(`/faults/${drive.driveId}$`));
  await expect(
    page.getByRole("heading", { name: `Drive ${drive.serial}`, level: 1 }),
  ).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  const card = page.getByRole("main");
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
  // Resolved: the forms go, the page says so, and focus goes there.
  await expect(page.locator(":focus")).toContainText(`Drive ${drive.serial} is back in Received.`);
  await expect(resolve).toHaveCount(0);
  await expect(contact).toHaveCount(0);
  await expect(card).toContainText("Not Faulted: it is Received now.");
  const [resolved] = await sql<{ state: string; faultReason: string | null }>(
    `SELECT state, "faultReason" FROM "Drive" WHERE id = $1`,
    [drive.driveId],
  );
  expect(resolved).toEqual({ state: "Received", faultReason: null });
  // And it has left the queue.
  await page.goto("/faults");
  await expect(page.getByRole("link", { name: `Drive ${drive.serial}` })).toHaveCount(0);
});

test("a fault raised in another browser appears in the open faults page without a reload; on its page, what the supervisor is typing stays (R-F1, R-F2)", async ({
  page,
  browser,
}) => {
  const drive = await anotherReceivedDrive();

  await signIn(page, DEMO.supervisor);
  await page.goto("/faults");
  await expect(page.getByRole("heading", { name: "Faults", level: 1 })).toBeVisible();
  await expect(page.getByText(/Updated \d\d:\d\d:\d\d UTC/)).toBeVisible();
  const link = page.getByRole("link", { name: `Drive ${drive.serial}` });
  await expect(link).toHaveCount(0);
  // Gone if the page reloads.
  await page.evaluate(() => {
    (window as unknown as { stillThisPage?: boolean }).stillThisPage = true;
  });

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
  const row = page.getByRole("table", { name: "Faults" }).getByRole("row").filter({ has: link });
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row).toContainText("Unsupported disk: 4Kn sectors, e2e live");
  expect(
    await page.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage),
  ).toBe(true);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations).toEqual([]);

  // The forms of a fault that arrived by polling work. Halfway through a resolution note, the
  // supervisor records a contact: the page re-renders, and the note is still there.
  await link.click();
  const resolve = page.getByRole("form", { name: `Resolve drive ${drive.serial}` });
  const typing = resolve.getByLabel("Resolution note");
  await typing.fill("Reformatted to 512e; it mounts");
  const contact = page.getByRole("form", { name: `Record a contact about drive ${drive.serial}` });
  await contact.getByLabel("Phone").check();
  await contact.getByLabel("No answer").check();
  await contact.getByLabel("Note").fill("Mailed the customer about the sector size");
  await contact.getByRole("button", { name: /Record contact/ }).click();
  await expect(contact.getByText("The phone contact is recorded.")).toBeVisible();
  await expect(page.getByRole("main")).toContainText("1 attempt");
  await expect(typing).toHaveValue("Reformatted to 512e; it mounts");

  // R-F3: resolve it back.
  await resolve.getByLabel("Return to").selectOption("Received");
  await resolve.getByRole("button", { name: /Resolve/ }).click();
  await expect(page.locator(":focus")).toContainText(`Drive ${drive.serial} is back in Received.`);
  await expect(resolve).toHaveCount(0);
  const [resolved] = await sql<{ state: string; faultReason: string | null }>(
    `SELECT state, "faultReason" FROM "Drive" WHERE id = $1`,
    [drive.driveId],
  );
  expect(resolved).toEqual({ state: "Received", faultReason: null });
});
