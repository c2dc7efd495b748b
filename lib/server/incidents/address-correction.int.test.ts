import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { ANA, RETURN_ADDRESS, SAM, createCustomer, ok } from "@/test/fixtures.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import type { IncidentKind, JobState } from "@/lib/generated/prisma/enums.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { incidentDeadlines } from "@/lib/domain/index.ts";
import { recordIncidentOutcome, type OutcomeInput } from "@/lib/server/incidents/commands.ts";
import { recordOutcomeSchema } from "@/lib/validation/incidents.ts";

let t: TestDatabase;
let customerId: string;
let n = 0;
const NOW = new Date("2026-05-04T09:30:00.000Z");
const CORRECTED = {
  ...RETURN_ADDRESS,
  streetAddress1: "15 Contoso Way",
  streetAddress2: "Building 4, dock door 2",
  postalCode: "98053",
};
const note = "The contact person emailed the right street number";

async function incidentOn(
  state: JobState,
  kind: IncidentKind = "ReturnAddressInvalid",
  faultedFrom: JobState | null = null,
) {
  const job = await t.db.job.create({
    data: {
      customerId,
      name: `address-${++n}`,
      type: "Import",
      storageAccount: "s",
      state,
      faultedFrom,
      returnAddress: RETURN_ADDRESS,
    },
  });
  const incident = await t.db.incident.create({
    data: { kind, jobId: job.id, summary: "Carrier rejected it", ...incidentDeadlines(kind, NOW) },
  });
  return { jobId: job.id, id: incident.id };
}

const correct = (id: string, returnAddress: unknown, actor: ActorRef = SAM) =>
  recordIncidentOutcome(
    t.db,
    actor,
    id,
    { outcome: "addressCorrected", note, returnAddress } as OutcomeInput,
    NOW,
  );

async function snapshot(jobId: string, incidentId: string) {
  return JSON.stringify({
    job: await t.db.job.findUniqueOrThrow({ where: { id: jobId } }),
    incident: await t.db.incident.findUniqueOrThrow({ where: { id: incidentId } }),
    events: await t.db.event.count(),
  });
}

beforeAll(async () => {
  t = await freshDatabase();
  customerId = (await createCustomer(t.db, "Address Co")).customerId;
});
afterAll(() => t.drop());

describe("R-E4: the corrected return address as an incident outcome", () => {
  it("R-E4: the form's fields become one complete address; blanks are left out", () => {
    const parsed = recordOutcomeSchema.safeParse({
      incidentId: "6f1d3c2e-8a4b-4c5d-9e6f-0a1b2c3d4e5f",
      outcome: "addressCorrected",
      note,
      channel: "",
      extendUntil: "",
      method: "",
      serials: "",
      ...CORRECTED,
      stateOrProvince: "  ",
      email: "",
    });
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(parsed.data?.returnAddress).toEqual(CORRECTED);
  });

  it("R-E4: a missing field is reported on that field, with the address rules' own message", () => {
    const parsed = recordOutcomeSchema.safeParse({
      incidentId: "6f1d3c2e-8a4b-4c5d-9e6f-0a1b2c3d4e5f",
      outcome: "addressCorrected",
      note,
      ...CORRECTED,
      city: "",
      email: "not an email",
    });
    expect(parsed.success).toBe(false);
    const paths = parsed.error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(paths).toEqual(
      expect.arrayContaining([
        ["city", "Give the city."],
        ["email", "Give a valid email address."],
      ]),
    );
  });

  it("R-E4: other outcomes carry no address, whatever the form sent", () => {
    const parsed = recordOutcomeSchema.parse({
      incidentId: "6f1d3c2e-8a4b-4c5d-9e6f-0a1b2c3d4e5f",
      outcome: "resolved",
      note,
      city: "Anywhere",
    });
    expect(parsed.returnAddress).toBeUndefined();
  });

  for (const state of ["Transferring", "Packaging"] as const) {
    it(`R-E4: on a ${state} job it updates the job's address in the same transaction and resolves the incident, with one event`, async () => {
      const { jobId, id } = await incidentOn(state);
      const res = ok(await correct(id, CORRECTED));
      expect(res).toMatchObject({ outcome: "addressCorrected", resolved: true, jobId });

      const job = await t.db.job.findUniqueOrThrow({ where: { id: jobId } });
      expect(job).toMatchObject({ state, returnAddress: CORRECTED, version: 1 });
      const incident = await t.db.incident.findUniqueOrThrow({ where: { id } });
      expect(incident).toMatchObject({
        status: "Resolved",
        resolvedAt: NOW,
        resolvedById: SAM.id,
        version: 1,
      });
      expect(incident.resolution).toContain("15 Contoso Way");
      expect(incident.resolution).toContain(note);

      const events = await t.db.event.findMany({ where: { incidentId: id } });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        kind: "incident.addressCorrected",
        jobId,
        actorId: SAM.id,
        fromState: "Open",
        toState: "Resolved",
        reason: note,
      });
      expect(events[0]?.data).toEqual({
        kind: "ReturnAddressInvalid",
        rule: "R-E4",
        returnAddress: CORRECTED,
        previousReturnAddress: RETURN_ADDRESS,
      });
    });
  }

  it("R-E4, R-F1: a job Faulted from Packaging still takes the corrected address", async () => {
    const { jobId, id } = await incidentOn("Faulted", "ReturnAddressInvalid", "Packaging");
    ok(await correct(id, CORRECTED));
    expect(await t.db.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({
      state: "Faulted",
      returnAddress: CORRECTED,
    });
  });

  it("R-E4: a missing address on record is corrected too", async () => {
    const { jobId, id } = await incidentOn("Packaging");
    await t.db.job.update({ where: { id: jobId }, data: { returnAddress: Prisma.DbNull } });
    ok(await correct(id, RETURN_ADDRESS));
    expect((await t.db.job.findUniqueOrThrow({ where: { id: jobId } })).returnAddress).toEqual(
      RETURN_ADDRESS,
    );
  });

  it("R-E4: an incomplete address is refused as invalid and changes nothing", async () => {
    const { jobId, id } = await incidentOn("Packaging");
    const before = await snapshot(jobId, id);
    const noCity = Object.fromEntries(Object.entries(CORRECTED).filter(([k]) => k !== "city"));
    expect(await correct(id, noCity)).toMatchObject({
      ok: false,
      error: { code: "invalid", rule: "R-E4" },
    });
    expect(await correct(id, undefined)).toMatchObject({ ok: false, error: { code: "invalid" } });
    expect(await snapshot(jobId, id)).toEqual(before);
  });

  it("R-E4: the address already on record is refused and changes nothing", async () => {
    const { jobId, id } = await incidentOn("Transferring");
    const before = await snapshot(jobId, id);
    const res = await correct(id, { ...RETURN_ADDRESS, city: "REDMOND" });
    expect(res).toMatchObject({ ok: false, error: { code: "refused", rule: "R-E4" } });
    expect(!res.ok && res.error.message).toMatch(/already on record/);
    expect(await snapshot(jobId, id)).toEqual(before);
  });

  it("R-E4: once the drives have gone back (Completed, Closed) it is refused and changes nothing", async () => {
    for (const state of ["Completed", "Closed"] as const) {
      const { jobId, id } = await incidentOn(state);
      const before = await snapshot(jobId, id);
      const res = await correct(id, CORRECTED);
      expect(res).toMatchObject({ ok: false, error: { code: "refused", rule: "R-E4" } });
      expect(await snapshot(jobId, id)).toEqual(before);
    }
  });

  it("R-E4: an operator is refused (forbidden) and nothing changes", async () => {
    const { jobId, id } = await incidentOn("Packaging");
    const before = await snapshot(jobId, id);
    expect(await correct(id, CORRECTED, ANA)).toMatchObject({
      ok: false,
      error: { code: "forbidden", rule: "R-E4" },
    });
    expect(await snapshot(jobId, id)).toEqual(before);
  });

  it("R-E2: any outcome from an operator is refused: working incidents is a supervisor's job", async () => {
    const { jobId, id } = await incidentOn("Shipping", "PackageOverdue");
    const before = await snapshot(jobId, id);
    expect(
      await recordIncidentOutcome(t.db, ANA, id, { outcome: "contacted", note }, NOW),
    ).toMatchObject({ ok: false, error: { code: "forbidden", rule: "R-E2" } });
    expect(await t.db.contactAttempt.count({ where: { incidentId: id } })).toBe(0);
    expect(await snapshot(jobId, id)).toEqual(before);
  });

  it("R-E4: a resolved incident takes no correction", async () => {
    const { jobId, id } = await incidentOn("Packaging");
    ok(await correct(id, CORRECTED));
    const before = await snapshot(jobId, id);
    expect(await correct(id, { ...CORRECTED, postalCode: "98054" })).toMatchObject({
      ok: false,
      error: { code: "already_done" },
    });
    expect(await snapshot(jobId, id)).toEqual(before);
  });

  it("R-E2: the correction belongs to a return-address incident only", async () => {
    const { jobId, id } = await incidentOn("Shipping", "PackageOverdue");
    const before = await snapshot(jobId, id);
    expect(await correct(id, CORRECTED)).toMatchObject({
      ok: false,
      error: { code: "refused", rule: "R-E4" },
    });
    expect(await snapshot(jobId, id)).toEqual(before);
  });
});
