import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import zxing from "@zxing/library";
import { PNG } from "pngjs";
import { realDeps, runCopyStations } from "../lib/simulator/copy-station.ts";
import {
  DEMO_CUSTOMER_KEY,
  DEMO_STATION_KEY,
  fedexTrackingNumber,
  seededRandom,
} from "../prisma/demo-data.ts";
import { sql } from "./support";

// ZXing ships CommonJS: its classes come through the default export under Playwright's loader.
const { BarcodeFormat, BinaryBitmap, Code128Reader, DecodeHintType, HybridBinarizer } = zxing;
const { RGBLuminanceSource } = zxing;

const API = { authorization: `Bearer ${DEMO_CUSTOMER_KEY}` };

/** A storage account id as Azure writes it: one long word that must wrap on a phone. */
export const LONG_STORAGE_ACCOUNT =
  "/subscriptions/5a1f07b2-3c9d-4e8f-a6b1-0c2d3e4f5a6b/resourceGroups/e2e-dock-worklists/providers/Microsoft.Storage/storageAccounts/e2eworkliststorageaccount";

export type MadeJob = {
  id: string;
  name: string;
  carrier: string;
  trackingNumber: string;
  serials: string[];
};

/**
 * An import job of its own, made through the customer Job API and moved to Shipping, with a
 * return address and return carrier: nothing picked from the demo rows.
 */
export async function shippingJobThroughApi(
  request: APIRequestContext,
  what: string,
  drives = 2,
): Promise<MadeJob> {
  const stamp =
    `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`.toUpperCase();
  const name = `e2e-${what}-${stamp.toLowerCase()}`;
  const serials = Array.from({ length: drives }, (_, i) => `E2E${what.toUpperCase()}${stamp}D${i}`);
  const trackingNumber = fedexTrackingNumber(seededRandom(Date.now() % 2 ** 31));
  const put = await request.put(`/api/v1/jobs/${name}`, {
    headers: API,
    data: {
      properties: {
        jobType: "Import",
        storageAccountId: LONG_STORAGE_ACCOUNT,
        driveList: serials.map((driveId) => ({ driveId })),
        returnAddress: {
          recipientName: "Dana Whitfield",
          streetAddress1: "18 Quay Street",
          city: "Auckland",
          postalCode: "1010",
          countryOrRegion: "NZ",
          phone: "+64 9 555 0142",
        },
        returnShipping: { carrierName: "UPS", carrierAccountNumber: "A1B2C3" },
        deliveryPackage: {
          carrierName: "FedEx",
          trackingNumber,
          driveCount: drives,
          shipDate: new Date().toISOString().slice(0, 10),
        },
      },
    },
  });
  expect(put.status(), await put.text()).toBe(201);
  const ship = await request.patch(`/api/v1/jobs/${name}`, {
    headers: API,
    data: { properties: { state: "Shipping" } },
  });
  expect(ship.status(), await ship.text()).toBe(200);
  const [row] = await sql<{ id: string; state: string }>(
    `SELECT id, state FROM "Job" WHERE name = $1`,
    [name],
  );
  expect(row?.state).toBe("Shipping");
  return { id: row!.id, name, carrier: "FedEx", trackingNumber, serials };
}

/** Sign in on the way to `path` (the sign-in page sends the person back there). */
export async function signInTo(
  page: Page,
  path: string,
  who: { email: string; password: string },
  heading: string | RegExp,
) {
  await page.goto(path);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible({
    timeout: 20_000,
  });
}

async function dockPost<T>(page: Page, path: string, data: unknown): Promise<T> {
  const response = await page.request.post(path, { data });
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/**
 * The dock's own routes, as the dock page sends them (the signed-in page's session): the job's
 * package opened, every listed drive scanned in, plus `extra` (a drive no job lists: R-E5), and
 * the package closed.
 */
export async function receiveAtDock(page: Page, job: MadeJob, extra: string | null) {
  const opened = await dockPost<{ packageId: string }>(page, "/api/dock/packages", {
    code: job.trackingNumber,
    direction: "Inbound",
  });
  for (const code of [...job.serials, ...(extra ? [extra] : [])]) {
    await dockPost(page, "/api/dock/scans", {
      packageId: opened.packageId,
      code,
      scanId: randomUUID(),
    });
  }
  await dockPost(page, `/api/dock/packages/${opened.packageId}/close`, { id: opened.packageId });
}

/** The copy stations copy the job's drives (R-D6, R-D7): the job ends in Packaging (R-J9). */
export async function copyJob(baseURL: string, job: MadeJob) {
  const summary = await runCopyStations(
    {
      baseUrl: baseURL,
      key: DEMO_STATION_KEY,
      stations: 2,
      speed: 400,
      errorRate: 0,
      once: true,
      seed: 7,
      resume: false,
      jobName: job.name,
    },
    { ...realDeps(), log: () => {} },
  );
  expect(summary.jobsPackaging).toEqual([job.name]);
}

/**
 * What a barcode scanner would read from the pixels of `image` as the browser drew it: the element
 * is screenshotted and decoded by ZXing's Code 128 reader (no peeking at the markup).
 */
export async function decodeBarcode(image: Locator): Promise<string> {
  const png = PNG.sync.read(await image.screenshot());
  const luminance = new Uint8ClampedArray(png.width * png.height);
  for (let i = 0; i < luminance.length; i++) {
    const [r, g, b] = [png.data[i * 4]!, png.data[i * 4 + 1]!, png.data[i * 4 + 2]!];
    luminance[i] = (r * 299 + g * 587 + b * 114) / 1000;
  }
  const bitmap = new BinaryBitmap(
    new HybridBinarizer(new RGBLuminanceSource(luminance, png.width, png.height)),
  );
  const hints = new Map<zxing.DecodeHintType, unknown>([[DecodeHintType.TRY_HARDER, true]]);
  const result = new Code128Reader().decode(bitmap, hints);
  expect(result.getBarcodeFormat()).toBe(BarcodeFormat.CODE_128);
  return result.getText();
}
