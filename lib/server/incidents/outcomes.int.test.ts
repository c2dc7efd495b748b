import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import type { IncidentKind, JobState, JobType } from "@/lib/generated/prisma/enums.ts";
import { incidentDeadlines } from "@/lib/domain/index.ts";
import {
  openIncident,
  recordIncidentOutcome,
  type OutcomeInput,
} from "@/lib/server/incidents/commands.ts";
import { incidentQueue } from "@/lib/server/incidents/queries.ts";
import { parseIncidentListParams } from "@/lib/validation/list-params.ts";
import {
  INCIDENT_OUTCOMES,
  resolvesIncident,
  type IncidentOutcome,
} from "@/lib/validation/incidents.ts";
import { ok, RETURN_ADDRESS } from "@/test/fixtures.ts";

let t: TestDatabase;
let customerId: string;
let n = 0;
const DAY = 86_400_000;
const sam = {
  type: "user",
  id: "u-sam",
  label: "Sam Keller",
  role: "supervisor",
} as const satisfies ActorRef;

async function jobIn(state: JobState, type: JobType = "Import") {
  const job = await t.db.job.create({
    data: { customerId, name: `incidents-${++n}`, type, storageAccount: "s", state },
  });
  return job.id;
}

async function incident(kind: IncidentKind, state: JobState, openedAt = new Date()) {
  const jobId = await jobIn(state);
  const row = await t.db.incident.create({
    data: { kind, jobId, summary: "seeded", openedAt, ...incidentDeadlines(kind, openedAt) },
  });
  return { jobId, id: row.id };
}

/** A drive of the job, at the datacenter unless said otherwise; held drives came in a package. */
async function driveOf(
  jobId: string,
  serial: string,
  state: "Specified" | "Received" | "Completed" | "ShippedBack" = "Completed",
  held = false,
) {
  const pkg = held
    ? await t.db.package.create({
        data: { direction: "Inbound", carrier: "DHL", trackingNumber: `TRK-${serial}` },
      })
    : null;
  return t.db.drive.create({
    data: { jobId, serial, state, inboundPackageId: pkg?.id ?? null },
  });
}

const note = "Spoke to the customer";
const events = (incidentId: string) =>
  t.db.event.findMany({ where: { incidentId }, orderBy: { id: "asc" } });

beforeAll(async () => {
  t = await freshDatabase();
  customerId = (
    await t.db.customer.create({
      data: { name: "Contoso", contactName: "Pat Lee", contactEmail: "pat@contoso.test" },
    })
  ).id;
});
afterAll(() => t.drop());

describe("incident outcomes", () => {
  it("R-E2: 'contacted' records a ContactAttempt and one incident.contacted event; the incident stays open", async () => {
    const { id, jobId } = await incident("PackageOverdue", "Shipping");
    const res = await recordIncidentOutcome(
      t.db,
      sam,
      id,
      { outcome: "contacted", note, channel: "phone", result: "noAnswer" },
      new Date(),
    );
    expect(res.ok, JSON.stringify(res)).toBe(true);
    const contacts = await t.db.contactAttempt.findMany({ where: { incidentId: id } });
    expect(contacts).toMatchObject([
      { jobId, channel: "phone", result: "noAnswer", outcome: note, byUserId: sam.id },
    ]);
    expect((await events(id)).map((e) => e.kind)).toEqual(["incident.contacted"]);
    expect(await t.db.incident.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "Open",
      version: 1,
    });
  });

  it("R-E2: 'extended' moves the answer deadline to the end of the chosen day; only for a package-overdue incident", async () => {
    const now = new Date();
    const { id } = await incident("PackageOverdue", "Shipping");
    const until = new Date(new Date(now.getTime() + 45 * DAY).toISOString().slice(0, 10));
    const res = await recordIncidentOutcome(
      t.db,
      sam,
      id,
      { outcome: "extended", note, extendUntil: until },
      now,
    );
    expect(res.ok, JSON.stringify(res)).toBe(true);
    const row = await t.db.incident.findUniqueOrThrow({ where: { id } });
    expect(row.answerDeadline).toEqual(new Date(until.getTime() + DAY - 1));
    expect(row.status).toBe("Open");
    expect((await events(id)).map((e) => e.kind)).toEqual(["incident.extended"]);

    const e4 = await incident("ReturnAddressInvalid", "Packaging");
    const refused = await recordIncidentOutcome(
      t.db,
      sam,
      e4.id,
      { outcome: "extended", note, extendUntil: until },
      now,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: "refused", rule: "R-E2" } });
    expect(await events(e4.id)).toEqual([]);
  });

  it("R-E2: 'extended' to a day on or before the current deadline is refused and changes nothing; the next day is taken", async () => {
    const openedAt = new Date("2026-03-01T09:30:00.000Z"); // answer by 2026-03-31 09:30 UTC
    const now = new Date("2026-03-10T12:00:00.000Z");
    const { id } = await incident("PackageOverdue", "Shipping", openedAt);
    const before = await t.db.incident.findUniqueOrThrow({ where: { id } });
    expect(before.answerDeadline).toEqual(new Date("2026-03-31T09:30:00.000Z"));
    for (const day of ["2026-03-31", "2026-03-20", "2026-03-05"]) {
      const res = await recordIncidentOutcome(
        t.db,
        sam,
        id,
        { outcome: "extended", note, extendUntil: new Date(day) },
        now,
      );
      expect(res).toEqual({
        ok: false,
        error: {
          code: "refused",
          message: "Choose a date after the current deadline, 2026-03-31.",
          rule: "R-E2",
        },
      });
    }
    expect(await t.db.incident.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await events(id)).toEqual([]);

    const res = await recordIncidentOutcome(
      t.db,
      sam,
      id,
      { outcome: "extended", note, extendUntil: new Date("2026-04-01") },
      now,
    );
    expect(res.ok, JSON.stringify(res)).toBe(true);
    const after = await t.db.incident.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({
      answerDeadline: new Date("2026-04-01T23:59:59.999Z"),
      status: "Open",
      version: before.version + 1,
    });
    const [extended] = await events(id);
    expect(extended).toMatchObject({ kind: "incident.extended", reason: note });
    expect(extended?.data).toMatchObject({
      rule: "R-E2",
      answerDeadline: "2026-04-01T23:59:59.999Z",
      previousAnswerDeadline: "2026-03-31T09:30:00.000Z",
    });
  });

  it("R-E2, R-J14: 'jobCancelled' cancels the job in the same transaction and resolves the incident", async () => {
    const { id, jobId } = await incident("PackageOverdue", "Shipping");
    const res = await recordIncidentOutcome(
      t.db,
      sam,
      id,
      { outcome: "jobCancelled", note: "Customer withdrew the order" },
      new Date(),
    );
    expect(res.ok, JSON.stringify(res)).toBe(true);
    expect(await t.db.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({
      cancelRequested: true,
    });
    expect(await t.db.incident.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "Resolved",
      resolvedById: sam.id,
    });
    expect((await events(id)).map((e) => e.kind)).toEqual(["incident.jobCancelled"]);
    expect(await t.db.event.count({ where: { jobId, kind: "job.cancel" } })).toBe(1);
  });

  it("R-J14: 'jobCancelled' on a job that can no longer be cancelled is refused and changes nothing", async () => {
    const { id, jobId } = await incident("ReturnAddressInvalid", "Packaging");
    const res = await recordIncidentOutcome(
      t.db,
      sam,
      id,
      { outcome: "jobCancelled", note: "Cancel it" },
      new Date(),
    );
    expect(res).toMatchObject({ ok: false, error: { rule: "R-J14" } });
    expect(await t.db.incident.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "Open",
      version: 0,
    });
    expect(await t.db.event.count({ where: { jobId } })).toBe(0);
  });

  it("R-E1: 'drivesReturned' and 'resolved' resolve the incident with one event each", async () => {
    for (const outcome of ["drivesReturned", "resolved"] as const) {
      const { id, jobId } = await incident("JobNotShipping", "Creating");
      await driveOf(jobId, `HELD-${outcome}`, "Specified", true);
      const res = await recordIncidentOutcome(t.db, sam, id, { outcome, note }, new Date());
      expect(res.ok, JSON.stringify(res)).toBe(true);
      const row = await t.db.incident.findUniqueOrThrow({ where: { id } });
      expect(row.status).toBe("Resolved");
      expect(row.resolution).toContain(note);
      expect((await events(id)).map((e) => e.kind)).toEqual(
        outcome === "drivesReturned"
          ? ["drive.returned", "incident.drivesReturned"]
          : ["incident.resolved"],
      );
    }
  });

  it("R-E4: 'drivesDestroyed' makes a destruction record (who, when, method, serials) and resolves", async () => {
    const now = new Date();
    const { id, jobId } = await incident("ReturnAddressInvalid", "Packaging");
    await driveOf(jobId, "WD-AAA1");
    await driveOf(jobId, "WD-AAA2");
    const input: OutcomeInput = {
      outcome: "drivesDestroyed",
      note: "Contact unreachable for 90 days",
      method: "Shredded (NIST 800-88 Destroy)",
      serials: ["WD-AAA1", "WD-AAA2"],
    };
    const res = await recordIncidentOutcome(t.db, sam, id, input, now);
    expect(res.ok, JSON.stringify(res)).toBe(true);
    const records = await t.db.destructionRecord.findMany({ where: { incidentId: id } });
    expect(records).toMatchObject([
      {
        destroyedAt: now,
        method: input.method,
        serials: input.serials,
        byUserId: sam.id,
        byName: sam.label,
      },
    ]);
    expect(await t.db.incident.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "Resolved",
    });
    const event = (await events(id)).find((e) => e.kind === "incident.drivesDestroyed");
    expect(event).toMatchObject({ kind: "incident.drivesDestroyed", toState: "Resolved" });
    expect(event?.data).toMatchObject({ rule: "R-E4", serials: input.serials });
    // Each destroyed drive says so, with its own event: it has left the datacenter (R-J12, R-E5).
    const drives = await t.db.drive.findMany({ where: { jobId }, orderBy: { serial: "asc" } });
    expect(drives).toMatchObject([
      { serial: "WD-AAA1", disposal: "Destroyed", disposedAt: now },
      { serial: "WD-AAA2", disposal: "Destroyed", disposedAt: now },
    ]);
    expect(await t.db.event.count({ where: { jobId, kind: "drive.destroyed" } })).toBe(2);
  });

  it("R-E1: a stale incident cannot destroy or return a drive received into its now-Shipping job; it could while the drive was held", async () => {
    const { id, jobId } = await incident("JobNotShipping", "Creating");
    const held = await driveOf(jobId, "WD-HELD1", "Specified", true);
    // The customer moves the job to Shipping and a rescan receives the drive (the case).
    await t.db.job.update({ where: { id: jobId }, data: { state: "Received" } });
    await t.db.drive.update({ where: { id: held.id }, data: { state: "Received" } });
    const json = (v: unknown) =>
      JSON.stringify(v, (_, x: unknown) => (typeof x === "bigint" ? x.toString() : x));
    const before = json({
      i: await t.db.incident.findUniqueOrThrow({ where: { id } }),
      d: await t.db.drive.findUniqueOrThrow({ where: { id: held.id } }),
      e: await t.db.event.count(),
      r: await t.db.destructionRecord.count(),
    });
    for (const input of [
      { outcome: "drivesDestroyed", note, method: "Shredded", serials: ["WD-HELD1"] },
      { outcome: "drivesReturned", note },
    ] as OutcomeInput[]) {
      const res = await recordIncidentOutcome(t.db, sam, id, input, new Date());
      expect(res).toMatchObject({ ok: false, error: { code: "refused", rule: "R-E1" } });
      expect(!res.ok && res.error.message).toBe(
        `Drive WD-HELD1 is no longer held: it was received into its job, which is Received, so it goes back with the job and cannot be ${input.outcome === "drivesDestroyed" ? "destroyed" : "returned"} through this incident (R-E1).`,
      );
    }
    const after = json({
      i: await t.db.incident.findUniqueOrThrow({ where: { id } }),
      d: await t.db.drive.findUniqueOrThrow({ where: { id: held.id } }),
      e: await t.db.event.count(),
      r: await t.db.destructionRecord.count(),
    });
    expect(after).toEqual(before);

    // While held (its job still Creating), the same destruction is accepted.
    const other = await incident("JobNotShipping", "Creating");
    await driveOf(other.jobId, "WD-HELD2", "Specified", true);
    const res = await recordIncidentOutcome(
      t.db,
      sam,
      other.id,
      { outcome: "drivesDestroyed", note, method: "Shredded", serials: ["wd-held2"] },
      new Date(),
    );
    expect(res.ok, JSON.stringify(res)).toBe(true);
    expect(
      await t.db.drive.findFirstOrThrow({ where: { jobId: other.jobId, serial: "WD-HELD2" } }),
    ).toMatchObject({ disposal: "Destroyed" });
  });

  it("R-E1, R-E4: a destruction naming a drive that is not the incident's is refused and writes nothing", async () => {
    const { id, jobId } = await incident("ReturnAddressInvalid", "Packaging");
    await driveOf(jobId, "WD-OWN1");
    const res = await recordIncidentOutcome(
      t.db,
      sam,
      id,
      { outcome: "drivesDestroyed", note, method: "Shredded", serials: ["WD-OWN1", "WD-NOPE"] },
      new Date(),
    );
    expect(res).toMatchObject({ ok: false, error: { code: "refused", rule: "R-E4" } });
    expect(!res.ok && res.error.message).toMatch(/WD-NOPE is not a drive of this incident/);
    expect(await t.db.destructionRecord.count({ where: { incidentId: id } })).toBe(0);
    expect(await t.db.drive.count({ where: { jobId, disposal: { not: null } } })).toBe(0);
  });

  it("R-E5: an extra drive of a live job is not returned through its incident: it goes back with the job", async () => {
    const { id, jobId } = await incident("ExtraDrive", "Transferring");
    const extra = await t.db.drive.create({
      data: { jobId, serial: "WD-EXTRA1", state: "Received", extra: true },
    });
    await t.db.incident.update({ where: { id }, data: { driveId: extra.id } });
    const res = await recordIncidentOutcome(
      t.db,
      sam,
      id,
      { outcome: "drivesReturned", note },
      new Date(),
    );
    expect(res).toMatchObject({ ok: false, error: { code: "refused", rule: "R-E5" } });
    expect(!res.ok && res.error.message).toMatch(/goes back with the job/);
  });

  it("R-E1: a failed return is recorded once on a job-not-shipping incident and keeps it open for the destruction clock", async () => {
    const { id } = await incident("JobNotShipping", "Creating");
    const now = new Date();
    const res = await recordIncidentOutcome(t.db, sam, id, { outcome: "returnFailed", note }, now);
    expect(res).toMatchObject({ ok: true, value: { resolved: false } });
    expect(await t.db.incident.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "Open",
      returnFailedAt: now,
    });
    const again = await recordIncidentOutcome(
      t.db,
      sam,
      id,
      { outcome: "returnFailed", note },
      now,
    );
    expect(again).toMatchObject({ ok: false, error: { code: "already_done" } });
    const e2 = await incident("PackageOverdue", "Shipping");
    expect(
      await recordIncidentOutcome(t.db, sam, e2.id, { outcome: "returnFailed", note }, now),
    ).toMatchObject({ ok: false, error: { rule: "R-E1" } });
  });

  it("R-E2: a contact where the customer asked to wait moves the answer deadline to the end of that day, never earlier", async () => {
    const now = new Date("2026-03-10T12:00:00.000Z");
    const { id } = await incident("PackageOverdue", "Shipping", new Date("2026-03-01T09:30:00Z"));
    const contact = (waitUntil: Date) =>
      recordIncidentOutcome(
        t.db,
        sam,
        id,
        { outcome: "contacted", channel: "phone", result: "askedToWait", waitUntil, note },
        now,
      );
    ok(await contact(new Date("2026-03-20"))); // before the deadline: the deadline stays
    expect((await t.db.incident.findUniqueOrThrow({ where: { id } })).answerDeadline).toEqual(
      new Date("2026-03-31T09:30:00.000Z"),
    );
    ok(await contact(new Date("2026-04-15")));
    expect((await t.db.incident.findUniqueOrThrow({ where: { id } })).answerDeadline).toEqual(
      new Date("2026-04-15T23:59:59.999Z"),
    );
    const refused = await recordIncidentOutcome(
      t.db,
      sam,
      id,
      { outcome: "contacted", channel: "phone", note },
      now,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: "invalid" } });
  });

  it("R-E1, R-E4: 'drivesDestroyed' accepts only serials of the incident's drives, and changes nothing otherwise", async () => {
    const { id, jobId } = await incident("ReturnAddressInvalid", "Packaging");
    await driveOf(jobId, "WD-OWN1");
    const other = await incident("ReturnAddressInvalid", "Packaging");
    await driveOf(other.jobId, "WD-OTHER1");
    const before = [await t.db.destructionRecord.count(), await t.db.event.count()];
    for (const serials of [["WD-OWN1", "WD-OTHER1"], ["WD-NOWHERE"], ["WD-OTHER1"]]) {
      const res = await recordIncidentOutcome(
        t.db,
        sam,
        id,
        { outcome: "drivesDestroyed", note, method: "Shredded", serials },
        new Date(),
      );
      expect(res, serials.join()).toMatchObject({ ok: false, error: { code: "refused" } });
      expect(!res.ok && res.error.message).toMatch(/not (a drive|drives) of this incident/);
    }
    expect([await t.db.destructionRecord.count(), await t.db.event.count()]).toEqual(before);
    expect((await t.db.incident.findUniqueOrThrow({ where: { id } })).status).toBe("Open");
    const ok = await recordIncidentOutcome(
      t.db,
      sam,
      id,
      { outcome: "drivesDestroyed", note, method: "Shredded", serials: ["wd-own1"] },
      new Date(),
    );
    expect(ok.ok, JSON.stringify(ok)).toBe(true);
  });

  it("R-E1..R-E5: an outcome on a resolved incident is refused and changes nothing", async () => {
    const { id } = await incident("ExtraDrive", "Transferring");
    expect(
      (await recordIncidentOutcome(t.db, sam, id, { outcome: "resolved", note }, new Date())).ok,
    ).toBe(true);
    const json = (v: unknown) =>
      JSON.stringify(v, (_, x: unknown) => (typeof x === "bigint" ? x.toString() : x));
    const before = json({
      i: await t.db.incident.findUniqueOrThrow({ where: { id } }),
      e: await t.db.event.count(),
      c: await t.db.contactAttempt.count(),
      d: await t.db.destructionRecord.count(),
    });
    for (const input of [
      { outcome: "contacted", note },
      { outcome: "drivesDestroyed", note, method: "Shredded", serials: ["WD-X"] },
    ] as OutcomeInput[]) {
      const res = await recordIncidentOutcome(t.db, sam, id, input, new Date());
      expect(res).toMatchObject({ ok: false, error: { code: "already_done" } });
      expect(!res.ok && res.error.message).toMatch(/already resolved/);
    }
    const after = JSON.stringify({
      i: await t.db.incident.findUniqueOrThrow({ where: { id } }),
      e: await t.db.event.count(),
      c: await t.db.contactAttempt.count(),
      d: await t.db.destructionRecord.count(),
    });
    expect(after).toEqual(before);
  });

  it("R-E1..R-E5: the outcomes the form says resolve the incident are the ones that do", async () => {
    const now = new Date();
    const cases: Record<IncidentOutcome, [IncidentKind, JobState, Partial<OutcomeInput>]> = {
      contacted: ["PackageOverdue", "Shipping", { channel: "email", result: "noAnswer" }],
      extended: ["PackageOverdue", "Shipping", { extendUntil: new Date(now.getTime() + 60 * DAY) }],
      jobCancelled: ["PackageOverdue", "Shipping", {}],
      drivesReturned: ["JobNotShipping", "Creating", {}],
      returnFailed: ["JobNotShipping", "Creating", {}],
      drivesDestroyed: [
        "ReturnAddressInvalid",
        "Packaging",
        { method: "Shredded", serials: ["WD-R1"] },
      ],
      addressCorrected: ["ReturnAddressInvalid", "Packaging", { returnAddress: RETURN_ADDRESS }],
      resolved: ["ExtraDrive", "Transferring", {}],
    };
    for (const outcome of INCIDENT_OUTCOMES) {
      const [kind, state, more] = cases[outcome];
      const { id, jobId } = await incident(kind, state);
      if (outcome === "drivesDestroyed") await driveOf(jobId, "WD-R1");
      const res = await recordIncidentOutcome(t.db, sam, id, { outcome, note, ...more }, now);
      expect(res.ok, `${outcome}: ${JSON.stringify(res)}`).toBe(true);
      expect(res.ok && res.value.resolved, outcome).toBe(resolvesIncident(outcome));
      expect((await t.db.incident.findUniqueOrThrow({ where: { id } })).status).toBe(
        resolvesIncident(outcome) ? "Resolved" : "Open",
      );
    }
  });

  it("R-E3: a returned-drives incident opens only on an export job that is Completed or Closed", async () => {
    const open = async (jobId: string) =>
      openIncident(
        t.db,
        sam,
        { kind: "ReturnedDrivesLostOrDamaged", jobId, summary: "Lost by the carrier" },
        new Date(),
      );
    for (const state of ["Completed", "Closed"] as const) {
      expect((await open(await jobIn(state, "Export"))).ok).toBe(true);
    }
    for (const [state, type] of [
      ["Completed", "Import"],
      ["Packaging", "Export"],
      ["Shipping", "Export"],
    ] as const) {
      const res = await open(await jobIn(state, type));
      expect(res).toMatchObject({ ok: false, error: { code: "refused", rule: "R-E3" } });
    }
  });

  it("R-E1, R-E2, R-E4: the open queue puts the nearest deadline first, with days left", async () => {
    const now = new Date();
    const later = await incident("ReturnAddressInvalid", "Packaging", now); // 90 days
    const sooner = await incident("PackageOverdue", "Shipping", new Date(now.getTime() - 35 * DAY)); // 5 days overdue
    const { items: list } = await incidentQueue(t.db, now, parseIncidentListParams({}).params);
    const ids = list.map((i) => i.id);
    expect(ids).toContain(later.id);
    expect(ids.indexOf(sooner.id)).toBeLessThan(ids.indexOf(later.id));
    // The open queue holds open incidents only; the resolved ones are their own list.
    expect(list.every((i) => i.status === "Open")).toBe(true);
    const { items: resolved } = await incidentQueue(
      t.db,
      now,
      parseIncidentListParams({ status: "resolved" }).params,
    );
    expect(resolved.every((i) => i.status === "Resolved")).toBe(true);
    expect(list.find((i) => i.id === sooner.id)).toMatchObject({
      rule: "R-E2",
      deadlines: [{ label: "Answer by", daysLeft: -5 }],
      contactCount: 0,
    });
    expect(list.find((i) => i.id === later.id)?.deadlines).toMatchObject([
      { label: "Destroy by", daysLeft: 90 },
    ]);
  });
});
