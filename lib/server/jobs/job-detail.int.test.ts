import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { ANA, createCustomer, importJob, ok, SAM, STATION } from "@/test/fixtures.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { arrivalSummary, decideJobEvent, jobErrorReasons } from "@/lib/domain/index.ts";
import { closeDockPackage, openDockPackage, scanDriveIn } from "@/lib/server/dock/commands.ts";
import { jobDetail } from "@/lib/server/jobs/queries.ts";
import { loadJob } from "@/lib/server/jobs/job-state.ts";
import { startDriveCopy } from "@/lib/server/drives/commands.ts";
import { dhlTrackingNumber, seededRandom } from "@/prisma/demo-data.ts";

// The job page must not tell the supervisor wrong things (issue 11): what it reads, from the
// real commands.
let t: TestDatabase;
let customerId: string;
let customer: ActorRef;
const now = new Date();

beforeAll(async () => {
  t = await freshDatabase();
  ({ customerId, customer } = await createCustomer(t.db));
});
afterAll(() => t.drop());

async function receivedWithMissingAndExtras() {
  const tracking = dhlTrackingNumber(seededRandom(5));
  const { id } = await importJob(
    t.db,
    { customerId, customer },
    { name: "page-1", serials: ["PAGE1A", "PAGE2B", "PAGE3C"], tracking },
    now,
  );
  const pkg = ok(await openDockPackage(t.db, ANA, { code: tracking, direction: "Inbound" }, now));
  // PAGE4X and PAGE5X are two characters off PAGE3C: the operator confirms them as extra drives
  // (scanned again after "did you mean").
  for (const code of ["PAGE1A", "PAGE2B", "PAGE4X", "PAGE5X"]) {
    const scan = { packageId: pkg.packageId, code, scanId: randomUUID(), confirmExtra: true };
    ok(await scanDriveIn(t.db, ANA, scan, now));
  }
  const closedAt = new Date(now.getTime() + 60_000);
  ok(await closeDockPackage(t.db, ANA, pkg.packageId, closedAt));
  return { id, tracking };
}

describe("the job page's facts (R-J7, R-D4, R-E5, R-J12, R-J14)", () => {
  it("R-J7, R-D4, R-E5: a Received job with a NeverReceived drive and two extra drives is not 'all arrived', had errors, and its move is the package close's", async () => {
    const { id, tracking } = await receivedWithMissingAndExtras();
    const detail = await jobDetail(t.db, id);
    expect(detail?.job.state).toBe("Received");
    const drives = detail!.drives.map((d) => ({ ...d, faultedFrom: d.faultedFrom }));
    expect(arrivalSummary(drives)).toMatchObject({
      listed: 3,
      arrived: 2,
      neverReceived: ["PAGE3C"],
      extra: 2,
      allArrived: false,
    });
    expect(jobErrorReasons({ ...detail!.job, drives })).toEqual(["neverReceived"]);
    const toReceived = detail!.timeline.find((s) => s.toState === "Received");
    expect(toReceived?.cause).toEqual({
      kind: "packageClosed",
      carrier: "DHL",
      trackingNumber: tracking,
    });
    const toShipping = detail!.timeline.find((s) => s.toState === "Shipping");
    expect(toShipping?.cause).toBeNull();
  });

  it("R-J14: on a Transferring job the domain gives the sentence the page shows instead of the cancel form", async () => {
    const id = (await t.db.job.findFirstOrThrow({ where: { name: "page-1" } })).id;
    const a = await t.db.drive.findFirstOrThrow({ where: { serial: "PAGE1A" } });
    ok(await startDriveCopy(t.db, STATION, a.id, now));
    const loaded = await loadJob(t.db, id);
    expect(loaded?.job.state).toBe("Transferring");
    const d = decideJobEvent(loaded!.snapshot, { type: "cancel", reason: "x" }, "supervisor", now);
    expect(d).toMatchObject({
      ok: false,
      refusal: {
        message:
          "The job can no longer be cancelled: its copy has begun. The drives will be returned when it finishes (R-J14).",
      },
    });
    expect(SAM.role).toBe("supervisor");
  });
});
