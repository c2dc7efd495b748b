import { expect, test } from "@playwright/test";
import { DEMO, sql } from "./support";
import {
  copyJob,
  decodeBarcode,
  receiveAtDock,
  shippingJobThroughApi,
  signInTo,
} from "./worklist-support";

/**
 * The dock's worklists and printouts, on jobs this spec makes itself through the Job API, the
 * dock's routes and the copy stations: a package on its way is on Expected; once its drives are
 * copied the job is on To ship back, with a packing slip whose barcodes scan back to the drives'
 * serials, and the extra drive that came with it has a 4x6 in label that scans to its serial.
 */
// Printers draw at 300 dpi and more; a 2x screenshot is closer to paper than a 1x one.
test.use({ deviceScaleFactor: 2 });

test("a job goes from Expected to To ship back, and its labels print barcodes that scan (R-J4, R-J9, R-E5, R-D11)", async ({
  page,
  request,
  baseURL,
}) => {
  // A job made, received and copied, then printed twice: minutes on a busy shared machine.
  test.setTimeout(300_000);
  const job = await shippingJobThroughApi(request, "lbl");
  const extra = `XTRA-${Date.now().toString(36).toUpperCase()}-99`;

  // Expected: the package is on its way with FedEx; the carrier filter is a plain GET form.
  await signInTo(page, "/dock/expected", DEMO.supervisor, "Expected packages");
  await page.getByRole("combobox", { name: "Carrier" }).selectOption({ value: "FedEx" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/\/dock\/expected\?carrier=FedEx$/);
  const row = page.getByRole("row", { name: new RegExp(job.name) });
  await expect(row).toContainText(`FedEx ${job.trackingNumber}`);
  await expect(row).toContainText("0 days");
  await expect(row.getByRole("cell").nth(2)).toHaveText("2");
  await expect(row).not.toContainText("Overdue");
  await page.goto("/dock/expected?carrier=UPS");
  await expect(page.getByRole("row", { name: new RegExp(job.name) })).toHaveCount(0);

  // At the dock: both drives and one drive no job lists (R-E5); then the copy (R-J9).
  await receiveAtDock(page, job, extra);
  await copyJob(baseURL!, job);

  await page.goto("/dock/ship-back");
  const card = page.getByRole("article", { name: job.name });
  await expect(card.getByRole("region", { name: `Drives of ${job.name}` })).toContainText(
    "3 of 3 still here",
  );
  for (const serial of [...job.serials, extra]) await expect(card).toContainText(serial);
  await expect(card.getByRole("region", { name: `Return address of ${job.name}` })).toContainText(
    "18 Quay Street",
  );
  await expect(card.getByRole("region", { name: `Return shipping of ${job.name}` })).toContainText(
    "UPS",
  );

  // The packing slip: every drive in the box, each barcode scanning to its serial.
  await card.getByRole("link", { name: `Packing slip of ${job.name}` }).click();
  await expect(page.getByRole("heading", { name: "Return packing slip", level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Print packing slip" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  for (const serial of [...job.serials, extra]) {
    const image = page.getByRole("img", { name: `Code 128 barcode of drive serial ${serial}` });
    expect(await decodeBarcode(image)).toBe(serial);
  }
  const slip = await page.pdf({ preferCSSPageSize: true });
  expect(pdfPageCount(slip), "the slip of three drives fits one page").toBe(1);
  await page.emulateMedia({ media: "screen" });

  // The extra drive's label, reached from the job page's drives table (R-E5, R-D11).
  await page.goto(`/jobs/${job.id}`);
  await page.getByRole("link", { name: `Print label of drive ${extra}` }).click();
  await expect(
    page.getByRole("heading", { name: "Extra drive: do not process", level: 1 }),
  ).toBeVisible();
  const label = page.getByRole("article", { name: "Extra drive: do not process" });
  await expect(label).toContainText(job.name);
  await expect(label).toContainText("Contoso");
  await expect(label).toContainText("Drive not in the job's drive list (R-E5)");
  await expect(label).toContainText("Goes back with its job when the job completes (R-D11)");
  await page.emulateMedia({ media: "print" });
  const barcode = label.getByRole("img", { name: `Code 128 barcode of drive serial ${extra}` });
  expect(await decodeBarcode(barcode)).toBe(extra);
  const pdf = await page.pdf({ preferCSSPageSize: true });
  expect(pdfPageCount(pdf), "the label is one 4x6 in page").toBe(1);
  expect(pdf.toString("latin1")).toMatch(/\/MediaBox \[0 0 288 432\]/);

  // A listed drive is neither held nor extra: it has no label.
  const [listed] = await sql<{ id: string }>(`SELECT id FROM "Drive" WHERE serial = $1`, [
    job.serials[0],
  ]);
  const none = await page.goto(`/labels/drives/${listed!.id}`);
  expect(none?.status()).toBe(404);
});

/** Pages in a PDF that Chromium wrote (one /Type /Page object per page). */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
}
