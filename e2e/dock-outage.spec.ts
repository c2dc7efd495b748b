import { expect, test, type Page, type Route } from "@playwright/test";
import {
  expectOutcome,
  openPackageId,
  scan,
  scanField,
  untouchedShippingJob,
} from "./dock-support";
import { DEMO, signIn, sql } from "./support";

// The database stops answering while an operator scans: the dock says so, keeps the scans, and
// sends each one once when the database is back. The outage is played by the browser's network
// layer (every /api/dock call answers what the server answers during an outage: 503, Retry-After
// and the staff error body, see lib/server/http/database-outage.int.test.ts), so the app needs no
// fault switch of its own.

const OUTAGE_BODY = JSON.stringify({
  error: {
    code: "database_unavailable",
    message: "The database is not answering. Nothing was changed: try again in a few seconds.",
  },
});

/** Plays an outage on /api/dock while `down`; counts the scans that reached the server, by scanId. */
async function outageSwitch(page: Page) {
  const state = { down: false, delivered: new Map<string, number>() };
  await page.route("**/api/dock/**", async (route: Route) => {
    if (state.down) {
      return route.fulfill({
        status: 503,
        headers: { "content-type": "application/json", "retry-after": "1" },
        body: OUTAGE_BODY,
      });
    }
    const body = route.request().postDataJSON() as { scanId?: string } | null;
    if (route.request().url().endsWith("/api/dock/scans") && body?.scanId)
      state.delivered.set(body.scanId, (state.delivered.get(body.scanId) ?? 0) + 1);
    return route.continue();
  });
  return state;
}

test("scans made while the database is down are queued, then each is sent once", async ({
  page,
}) => {
  const job = await untouchedShippingJob("the dock outage", { minDrives: 3, fewestDrives: true });
  const outage = await outageSwitch(page);
  await signIn(page, DEMO.operator);
  await page.goto("/dock");
  await expect(scanField(page, "Scan the package label")).toBeFocused();
  await scan(page, job.trackingNumber);
  await expectOutcome(page, `${job.carrier} ${job.trackingNumber} open`);
  const packageId = await openPackageId(page);
  await expect(scanField(page, "Scan a drive")).toBeFocused();

  outage.down = true;
  const serials = job.serials.slice(0, 3);
  for (const serial of serials) await scan(page, serial);

  const notice = page
    .getByRole("alert")
    .filter({ hasText: "The database is not answering: your scans are queued and will be sent." });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("3 scans are waiting");
  const queued = page.getByRole("list", { name: "Recent scans" }).getByText("sending…");
  await expect(queued).toHaveCount(3);
  // Nothing reached the database meanwhile.
  const received = () =>
    sql<{ serial: string }>(
      `SELECT d.serial FROM "Event" e JOIN "Drive" d ON d.id = e."driveId"
        WHERE e."packageId" = $1 AND e.kind = 'drive.receive'`,
      [packageId],
    );
  expect(await received()).toEqual([]);

  outage.down = false;
  await expect(notice).toBeHidden({ timeout: 15_000 });
  await expect(queued).toHaveCount(0);
  await expectOutcome(page, `Received: ${serials[2]}`);
  await expect.poll(async () => (await received()).map((r) => r.serial).sort()).toEqual(serials);
  // Each scan was delivered exactly once after the outage (the retries went to the 503s).
  expect([...outage.delivered.values()]).toEqual([1, 1, 1]);
  await expect(scanField(page, "Scan a drive")).toBeFocused();
});
