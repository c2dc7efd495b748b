import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { ANA, SAM, STATION, createCustomer, ok } from "@/test/fixtures.ts";
import type { JobState, JobType } from "@/lib/generated/prisma/enums.ts";
import { incidentDeadlines } from "@/lib/domain/index.ts";
import { openIncidentByHand, type HandOpenedIncident } from "@/lib/server/incidents/commands.ts";
import { incidentQueue, handOpenableJobs } from "@/lib/server/incidents/queries.ts";
import { parseIncidentListParams } from "@/lib/validation/list-params.ts";

let t: TestDatabase;
let customerId: string;
let n = 0;
const NOW = new Date("2026-05-04T09:30:00.000Z");

async function jobIn(state: JobState, type: JobType = "Import", faultedFrom?: JobState) {
  const job = await t.db.job.create({
    data: {
      customerId,
      name: `by-hand-${++n}`,
      type,
      storageAccount: "s",
      state,
      faultedFrom: faultedFrom ?? null,
    },
  });
  return job.id;
}

const badAddress = (jobId: string): HandOpenedIncident => ({
  kind: "ReturnAddressInvalid",
  jobId,
  summary: "The carrier rejected the street name",
});

/** Everything a refused command must leave as it was. */
async function snapshot(jobId: string) {
  return JSON.stringify({
    job: await t.db.job.findUniqueOrThrow({ where: { id: jobId } }),
    incidents: await t.db.incident.findMany({ where: { jobId }, orderBy: { id: "asc" } }),
    events: await t.db.event.count(),
  });
}

beforeAll(async () => {
  t = await freshDatabase();
  customerId = (await createCustomer(t.db, "Hand Co")).customerId;
});
afterAll(() => t.drop());

describe("R-E4 opened by hand", () => {
  for (const state of ["Transferring", "Packaging"] as const) {
    it(`R-E4: a supervisor opens one on a ${state} job: 90-day destruction deadline, one event`, async () => {
      const jobId = await jobIn(state);
      const { id } = ok(await openIncidentByHand(t.db, SAM, badAddress(jobId), NOW));
      const row = await t.db.incident.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({
        kind: "ReturnAddressInvalid",
        status: "Open",
        jobId,
        summary: "The carrier rejected the street name",
        openedAt: NOW,
        ...incidentDeadlines("ReturnAddressInvalid", NOW),
      });
      expect(row.destructionDeadline).toEqual(new Date("2026-08-02T09:30:00.000Z"));
      const events = await t.db.event.findMany({ where: { incidentId: id } });
      expect(events).toMatchObject([
        {
          kind: "incident.opened",
          jobId,
          actorId: SAM.id,
          actorLabel: SAM.label,
          toState: "Open",
          reason: "The carrier rejected the street name",
          data: { kind: "ReturnAddressInvalid" },
        },
      ]);
      // The job keeps its state.
      expect(await t.db.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ state });
    });
  }

  it("R-E4: refused in every other state, with the rule and nothing written", async () => {
    for (const state of ["Creating", "Shipping", "Received", "Completed", "Closed"] as const) {
      const jobId = await jobIn(state);
      const before = await snapshot(jobId);
      const res = await openIncidentByHand(t.db, SAM, badAddress(jobId), NOW);
      expect(res, state).toMatchObject({ ok: false, error: { code: "refused", rule: "R-E4" } });
      expect(!res.ok && res.error.message).toContain(`it is ${state}`);
      expect(await snapshot(jobId)).toEqual(before);
    }
    const faulted = await jobIn("Faulted", "Import", "Packaging");
    expect(await openIncidentByHand(t.db, SAM, badAddress(faulted), NOW)).toMatchObject({
      ok: false,
      error: { code: "refused", rule: "R-E4" },
    });
  });

  it("R-E4: a second one on the same job is refused while the first is open; once resolved, allowed", async () => {
    const jobId = await jobIn("Packaging");
    const first = ok(await openIncidentByHand(t.db, SAM, badAddress(jobId), NOW));
    const before = await snapshot(jobId);
    const again = await openIncidentByHand(t.db, SAM, badAddress(jobId), NOW);
    expect(again).toMatchObject({ ok: false, error: { code: "refused", rule: "R-E4" } });
    expect(!again.ok && again.error.message).toMatch(/already open/);
    expect(await snapshot(jobId)).toEqual(before);

    await t.db.incident.update({
      where: { id: first.id },
      data: { status: "Resolved", resolvedAt: NOW },
    });
    expect((await openIncidentByHand(t.db, SAM, badAddress(jobId), NOW)).ok).toBe(true);
  });

  it("R-E4: an incident of another kind open on the job does not block it", async () => {
    const jobId = await jobIn("Transferring");
    await t.db.incident.create({ data: { kind: "ExtraDrive", jobId, summary: "extra drive" } });
    expect((await openIncidentByHand(t.db, SAM, badAddress(jobId), NOW)).ok).toBe(true);
  });

  it("R-E4: two supervisors opening it at the same moment give one incident", async () => {
    const jobId = await jobIn("Packaging");
    const results = await Promise.all(
      Array.from({ length: 4 }, () => openIncidentByHand(t.db, SAM, badAddress(jobId), NOW)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok))
      expect(r).toMatchObject({ ok: false, error: { rule: "R-E4" } });
    expect(await t.db.incident.count({ where: { jobId, kind: "ReturnAddressInvalid" } })).toBe(1);
    expect(await t.db.event.count({ where: { jobId, kind: "incident.opened" } })).toBe(1);
  });

  it("R-E4: an operator (or a copy station) is refused: working incidents is a supervisor's job", async () => {
    const jobId = await jobIn("Packaging");
    const before = await snapshot(jobId);
    expect(await openIncidentByHand(t.db, ANA, badAddress(jobId), NOW)).toMatchObject({
      ok: false,
      error: { code: "forbidden", rule: "R-E4" },
    });
    expect(await openIncidentByHand(t.db, STATION, badAddress(jobId), NOW)).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(await snapshot(jobId)).toEqual(before);
  });

  it("R-E4: an unknown job is not found", async () => {
    expect(
      await openIncidentByHand(t.db, SAM, badAddress("00000000-0000-4000-8000-000000000000"), NOW),
    ).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("R-E3: the same command opens a returned-drives incident on a Completed export job only", async () => {
    const open = async (jobId: string) =>
      openIncidentByHand(
        t.db,
        SAM,
        { kind: "ReturnedDrivesLostOrDamaged", jobId, summary: "Lost by the carrier" },
        NOW,
      );
    expect((await open(await jobIn("Completed", "Export"))).ok).toBe(true);
    expect(await open(await jobIn("Completed", "Import"))).toMatchObject({
      ok: false,
      error: { code: "refused", rule: "R-E3" },
    });
  });
});

describe("the jobs offered to a hand-opened incident", () => {
  it("R-E3, R-E4: offered exactly where the domain allows it now", async () => {
    const transferring = await jobIn("Transferring");
    const packaging = await jobIn("Packaging", "Export");
    const taken = await jobIn("Packaging");
    ok(await openIncidentByHand(t.db, SAM, badAddress(taken), NOW));
    const shipping = await jobIn("Shipping");
    const completedExport = await jobIn("Completed", "Export");
    const completedImport = await jobIn("Completed", "Import");

    const { returnAddress, returnedDrives } = await handOpenableJobs(t.db);
    const r4 = returnAddress.map((j) => j.id);
    expect(r4).toEqual(expect.arrayContaining([transferring, packaging]));
    expect(r4).not.toContain(taken);
    expect(r4).not.toContain(shipping);
    expect(returnAddress.find((j) => j.id === packaging)).toMatchObject({
      type: "Export",
      state: "Packaging",
    });
    const r3 = returnedDrives.map((j) => j.id);
    expect(r3).toContain(completedExport);
    expect(r3).not.toContain(completedImport);
  });

  it("R-E4: an open return-address incident offers the correction with the address on record", async () => {
    const jobId = await jobIn("Packaging");
    await t.db.job.update({
      where: { id: jobId },
      data: { returnAddress: { recipientName: "Pat Lee", city: "Oslo", postalCode: 150 } },
    });
    const { id } = ok(await openIncidentByHand(t.db, SAM, badAddress(jobId), NOW));
    const e3Job = await jobIn("Completed", "Export");
    const e3 = ok(
      await openIncidentByHand(
        t.db,
        SAM,
        { kind: "ReturnedDrivesLostOrDamaged", jobId: e3Job, summary: "Damaged in transit" },
        NOW,
      ),
    );
    const { items: list } = await incidentQueue(t.db, NOW, parseIncidentListParams({}).params);
    // Only the text fields of whatever the JSON column holds.
    expect(list.find((i) => i.id === id)?.addressCorrection).toEqual({
      onRecord: { recipientName: "Pat Lee", city: "Oslo" },
    });
    expect(list.find((i) => i.id === e3.id)?.addressCorrection).toBeNull();
  });
});
