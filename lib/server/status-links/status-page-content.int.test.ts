import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { RETURN_ADDRESS, SAM, createCustomer, ok } from "@/test/fixtures.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import type { DriveState, JobState, JobType } from "@/lib/generated/prisma/enums.ts";
import { incidentDeadlines } from "@/lib/domain/index.ts";
import {
  openIncident,
  openIncidentByHand,
  recordIncidentOutcome,
} from "@/lib/server/incidents/commands.ts";
import { cancelJob, createJob, markJobShipping } from "@/lib/server/jobs/commands.ts";
import { sharedLimiter } from "@/lib/server/rate-limit.ts";
import { createStatusLink } from "@/lib/server/status-links/commands.ts";
import { statusPageForToken } from "@/lib/server/status-links/queries.ts";
import { statusPageResponse } from "@/lib/server/status-links/status-response.ts";

/**
 * What the customer's page says about a job, read from the database: the open incidents' deadlines
 * (R-E2, R-E4), a cancelled job (R-J14), an export's direction of copy (R-D6) and an extra drive
 * already shipped back (R-D11). The wording itself is tested in lib/status-page.
 */
let t: TestDatabase;
let customer: ActorRef;
let customerId: string;
let n = 0;
const DAY = 86_400_000;
const HOUR = 3_600_000;
const shippedAt = new Date("2026-11-02T09:00:00Z");
const at = (ms: number) => new Date(shippedAt.getTime() + ms);
const SUMMARY_MARKER = "INCIDENT-SUMMARY-MARKER carrier says street unknown";
const NOTE_MARKER = "OUTCOME-NOTE-MARKER customer asked for three more weeks";

/** An import job shipped at `shippedAt`, its two drives still Specified. */
async function shippingJob(): Promise<string> {
  const { id } = ok(
    await createJob(
      t.db,
      customer,
      {
        customerId,
        name: `page-content-${++n}`,
        type: "Import",
        storageAccount: "contosostorage",
        drives: [{ serial: `WD-PAGE${n}A` }, { serial: `WD-PAGE${n}B` }],
        deliveryPackage: { carrierName: "UPS", trackingNumber: "1Z999AA10123456784" },
        returnAddress: RETURN_ADDRESS,
        logLevel: "Error",
      },
      at(-DAY),
    ),
  );
  ok(await markJobShipping(t.db, customer, id, shippedAt));
  return id;
}

/** A job already in `state`, with these drives, as the copy left it. */
async function jobIn(
  state: JobState,
  type: JobType,
  drives: { state: DriveState; extra?: boolean; percent?: number }[],
): Promise<string> {
  const job = await t.db.job.create({
    data: {
      customerId,
      name: `page-content-${++n}`,
      type,
      storageAccount: "contosostorage",
      state,
      stateChangedAt: shippedAt,
      returnAddress: RETURN_ADDRESS,
      ...(state === "Closed" ? { closedAt: shippedAt, hadErrors: true } : {}),
    },
  });
  await t.db.drive.createMany({
    data: drives.map((d, i) => ({
      jobId: job.id,
      serial: `WD-PAGE${n}-${i}`,
      state: d.state,
      extra: d.extra ?? false,
      percentComplete: d.percent ?? 0,
    })),
  });
  return job.id;
}

const tokenFor = async (jobId: string) =>
  ok(await createStatusLink(t.db, SAM, jobId, shippedAt)).token;

/** The page as the route answers it, as text: tags dropped, white space collapsed. */
async function pageText(token: string, now: Date, lang: "en" | "fr" = "en"): Promise<string> {
  const res = await statusPageResponse(
    t.db,
    sharedLimiter({ name: "status-page-content", limit: 1000, windowSeconds: 60 }, t.db),
    new Request(`http://localhost/status/${token}?lang=${lang}`),
    token,
    now,
  );
  expect(res.status).toBe(200);
  return (await res.text()).replace(/<[^>]*>/g, "").replace(/[ \n\t]+/g, " ");
}

beforeAll(async () => {
  t = await freshDatabase();
  ({ customerId, customer } = await createCustomer(t.db));
});
afterAll(() => t.drop());

describe("the status page reads the open incidents' deadlines, never their notes", () => {
  it("R-E2: an open package-overdue incident shows its answer deadline, in place of the passed package date", async () => {
    const jobId = await shippingJob();
    const token = await tokenFor(jobId);
    const openedAt = at(14 * DAY + HOUR);
    ok(
      await openIncident(
        t.db,
        SAM,
        { kind: "PackageOverdue", jobId, summary: SUMMARY_MARKER },
        openedAt,
      ),
    );
    const now = at(20 * DAY);
    const view = await statusPageForToken(t.db, token, now);
    expect(view?.deadlines).toEqual([
      {
        kind: "answerMissingPackage",
        rules: ["R-E2"],
        at: incidentDeadlines("PackageOverdue", openedAt).answerDeadline,
        daysLeft: 25,
        passed: false,
      },
    ]);
    const text = await pageText(token, now);
    expect(text).toContain(
      "Your package has not reached us: please get in touch. If we have not heard from you by",
    );
    expect(text).toContain("(in 24 days), the job is closed.");
    expect(text).not.toContain("We have told you");
    expect(text).not.toContain("We expected your package by");
    expect(text).not.toContain(SUMMARY_MARKER);
  });

  it("R-E2: after a supervisor extends the wait, the page says until when we wait for the package", async () => {
    const jobId = await shippingJob();
    const token = await tokenFor(jobId);
    const { id } = ok(
      await openIncident(
        t.db,
        SAM,
        { kind: "PackageOverdue", jobId, summary: SUMMARY_MARKER },
        at(15 * DAY),
      ),
    );
    const until = at(60 * DAY);
    ok(
      await recordIncidentOutcome(
        t.db,
        SAM,
        id,
        { outcome: "extended", note: NOTE_MARKER, extendUntil: until },
        at(16 * DAY),
      ),
    );
    // The command decides the exact instant (the new date, or the end of its day): read it back.
    const { answerDeadline } = await t.db.incident.findUniqueOrThrow({ where: { id } });
    expect(answerDeadline!.getTime()).toBeGreaterThanOrEqual(until.getTime());
    const now = at(17 * DAY);
    expect((await statusPageForToken(t.db, token, now))?.deadlines).toMatchObject([
      { kind: "packageWaitExtended", at: answerDeadline, passed: false },
    ]);
    const text = await pageText(token, now);
    expect(text).toContain("As agreed with you, we keep waiting for your package until");
    expect(text).toContain("(in 43 days).");
    expect(text).not.toContain("If we have not heard from you");
    expect(text).not.toContain(NOTE_MARKER);
    expect(await pageText(token, now, "fr")).toContain(
      "Comme convenu avec vous, nous attendons votre colis jusqu’au",
    );
  });

  it("R-E2: an extension of another job's incident does not count for this one", async () => {
    const jobId = await shippingJob();
    const token = await tokenFor(jobId);
    ok(
      await openIncident(
        t.db,
        SAM,
        { kind: "PackageOverdue", jobId, summary: SUMMARY_MARKER },
        at(15 * DAY),
      ),
    );
    const other = await shippingJob();
    const { id } = ok(
      await openIncident(
        t.db,
        SAM,
        { kind: "PackageOverdue", jobId: other, summary: "other" },
        at(15 * DAY),
      ),
    );
    ok(
      await recordIncidentOutcome(
        t.db,
        SAM,
        id,
        { outcome: "extended", note: "other job", extendUntil: at(50 * DAY) },
        at(16 * DAY),
      ),
    );
    expect((await statusPageForToken(t.db, token, at(17 * DAY)))?.deadlines).toMatchObject([
      { kind: "answerMissingPackage" },
    ]);
  });

  it("R-E4: an open return-address incident shows its destruction deadline; corrected, it is gone", async () => {
    const jobId = await jobIn("Packaging", "Import", [{ state: "Completed", percent: 100 }]);
    const token = await tokenFor(jobId);
    const openedAt = at(DAY);
    const { id } = ok(
      await openIncidentByHand(
        t.db,
        SAM,
        { kind: "ReturnAddressInvalid", jobId, summary: SUMMARY_MARKER },
        openedAt,
      ),
    );
    const now = at(11 * DAY + 6 * HOUR);
    expect((await statusPageForToken(t.db, token, now))?.deadlines).toMatchObject([
      {
        kind: "returnAddressDestruction",
        rules: ["R-E4"],
        at: incidentDeadlines("ReturnAddressInvalid", openedAt).destructionDeadline,
        passed: false,
      },
    ]);
    const text = await pageText(token, now);
    expect(text).toContain("We need a correct return address by");
    expect(text).toContain("(in 79 days). Without one, the drives are securely destroyed.");
    expect(text).not.toContain(SUMMARY_MARKER);
    expect(await pageText(token, now, "fr")).toContain(
      "Il nous faut une adresse de retour correcte d’ici le",
    );

    ok(
      await recordIncidentOutcome(
        t.db,
        SAM,
        id,
        {
          outcome: "addressCorrected",
          note: NOTE_MARKER,
          returnAddress: { ...RETURN_ADDRESS, streetAddress1: "2 Contoso Way" },
        },
        at(12 * DAY),
      ),
    );
    expect((await statusPageForToken(t.db, token, at(13 * DAY)))?.deadlines).toEqual([]);
    const after = await pageText(token, at(13 * DAY));
    expect(after).not.toContain("We need a correct return address");
    expect(after).not.toContain(NOTE_MARKER);
    expect(after).not.toContain("2 Contoso Way");
  });

  it("R-E4: a job with no open return-address incident shows no destruction deadline", async () => {
    const jobId = await jobIn("Transferring", "Import", [{ state: "Transferring", percent: 30 }]);
    const token = await tokenFor(jobId);
    expect((await statusPageForToken(t.db, token, at(DAY)))?.deadlines).toEqual([]);
  });
});

describe("what the page says about the job itself", () => {
  it("R-J14: a job cancelled in Creating is Closed, says it was cancelled and shows no percent", async () => {
    const { id: jobId } = ok(
      await createJob(
        t.db,
        customer,
        {
          customerId,
          name: `page-content-${++n}`,
          type: "Import",
          storageAccount: "contosostorage",
          drives: [{ serial: `WD-PAGE${n}A` }, { serial: `WD-PAGE${n}B` }],
          logLevel: "Error",
        },
        shippedAt,
      ),
    );
    ok(await cancelJob(t.db, customer, jobId, "No longer needed", at(HOUR)));
    const token = await tokenFor(jobId);
    const view = await statusPageForToken(t.db, token, at(DAY));
    // R-G2: nothing was copied, and the page says so with the same figure as Get Job: 0.
    expect(view).toMatchObject({ state: "Closed", cancelled: true, percentComplete: 0 });
    expect(view?.drives.map((d) => [d.state, d.percent])).toEqual([
      ["Specified", 0],
      ["Specified", 0],
    ]);
    const text = await pageText(token, at(DAY));
    expect(text).toContain(
      "This job was cancelled, at your request or by our operations team. Nothing is copied, and any drive that reached us is sent back to you.",
    );
    expect(text).toContain(
      "Copied so far: about 0% of the job. The job was cancelled, so its copy was skipped.",
    );
    expect(text).not.toMatch(/about 100%/);
  });

  it("R-D6: an export job's Transferring drive is explained as a copy from storage to the drive", async () => {
    const jobId = await jobIn("Transferring", "Export", [
      { state: "Transferring", percent: 40 },
      { state: "Received" },
    ]);
    const token = await tokenFor(jobId);
    const text = await pageText(token, at(DAY));
    expect(text).toContain("Being written now, from storage onto the drive.");
    expect(text).not.toContain("from the drive into storage");
    expect(text).toContain("Copied so far: about 20% of the job.");
    expect(await pageText(token, at(DAY), "fr")).toContain("du stockage vers le disque");
  });

  it("R-D11: an extra drive already shipped back is not promised a return any more", async () => {
    const jobId = await jobIn("Closed", "Import", [
      { state: "ShippedBack", percent: 100 },
      { state: "ShippedBack", extra: true },
    ]);
    const text = await pageText(await tokenFor(jobId), at(DAY));
    expect(text).toContain("Extra drive");
    expect(text).not.toContain("it goes back to you with the job's other drives");
  });
});
