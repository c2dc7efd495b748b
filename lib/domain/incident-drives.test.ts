import { describe, expect, it } from "vitest";
import {
  heldOutsideLiveJob,
  incidentDisposalTargets,
  type IncidentDrive,
} from "./incident-drives.ts";
import { INCIDENT_KINDS } from "./incident-kinds.ts";
import { JOB_STATES } from "./states.ts";

const drive = (more: Partial<IncidentDrive> = {}): IncidentDrive => ({
  serial: "WD-1",
  state: "Specified",
  extra: false,
  arrived: true,
  disposal: null,
  jobState: "Creating",
  ...more,
});

describe("R-E1: an incident's outcomes follow the fate of its drives", () => {
  it("R-E1: a drive held for a Creating job, or of no job on record, may be returned or destroyed", () => {
    for (const d of [drive(), drive({ jobState: null, state: "Received" })]) {
      expect(heldOutsideLiveJob(d)).toBe(true);
      for (const outcome of ["drivesReturned", "drivesDestroyed"] as const) {
        expect(incidentDisposalTargets({ kind: "JobNotShipping" }, outcome, [d])).toEqual({
          ok: true,
          value: [d],
        });
      }
    }
  });

  it("R-E1: a drive received into its job once the job shipped cannot be destroyed or returned by the stale incident", () => {
    // The customer moved the job to Shipping and a rescan received the drive (the case).
    const received = drive({ state: "Received", jobState: "Received" });
    expect(heldOutsideLiveJob(received)).toBe(false);
    for (const outcome of ["drivesReturned", "drivesDestroyed"] as const) {
      const d = incidentDisposalTargets({ kind: "JobNotShipping" }, outcome, [received], ["WD-1"]);
      expect(d).toMatchObject({ ok: false, refusal: { code: "guard_failed", rule: "R-E1" } });
      expect(!d.ok && d.refusal.message).toMatch(
        /WD-1 is no longer held: it was received into its job, which is Received/,
      );
    }
  });

  it("R-E1: held means outside a live job: Shipping to Packaging and Faulted jobs are live", () => {
    const live = JOB_STATES.filter(
      (s) => !heldOutsideLiveJob(drive({ state: "Received", jobState: s })),
    );
    expect(live).toEqual(["Shipping", "Received", "Transferring", "Packaging", "Faulted"]);
  });

  it("R-E1: a drive that is not the incident's, never arrived, or already left is refused by name", () => {
    const k = { kind: "JobNotShipping" as const };
    expect(incidentDisposalTargets(k, "drivesDestroyed", [drive()], ["WD-9"])).toMatchObject({
      ok: false,
      refusal: { message: expect.stringMatching(/WD-9 is not a drive of this incident/) },
    });
    expect(
      incidentDisposalTargets(k, "drivesDestroyed", [drive({ arrived: false })], ["WD-1"]),
    ).toMatchObject({ ok: false, refusal: { message: expect.stringMatching(/never reached/) } });
    expect(
      incidentDisposalTargets(k, "drivesReturned", [drive({ disposal: "Destroyed" })], ["wd-1"]),
    ).toMatchObject({
      ok: false,
      refusal: { message: expect.stringMatching(/destroyed already/) },
    });
  });

  it("R-E1: without serials, a return applies to every drive of the incident still here", () => {
    const here = drive({ serial: "A" });
    const gone = drive({ serial: "B", disposal: "Returned" });
    expect(
      incidentDisposalTargets({ kind: "JobNotShipping" }, "drivesReturned", [here, gone]),
    ).toEqual({ ok: true, value: [here] });
  });

  it("R-E4: drives at the datacenter of a live job may be destroyed; shipped-back ones not; no return through the incident", () => {
    const here = drive({ state: "Completed", jobState: "Packaging" });
    const k = { kind: "ReturnAddressInvalid" as const };
    expect(incidentDisposalTargets(k, "drivesDestroyed", [here], ["WD-1"]).ok).toBe(true);
    expect(
      incidentDisposalTargets(k, "drivesDestroyed", [drive({ state: "ShippedBack" })], ["WD-1"]),
    ).toMatchObject({
      ok: false,
      refusal: { message: expect.stringMatching(/shipped back already/) },
    });
    expect(incidentDisposalTargets(k, "drivesReturned", [here])).toMatchObject({
      ok: false,
      refusal: { code: "incident_not_applicable", rule: "R-E4" },
    });
  });

  it("R-E5: an extra drive of a live job goes back with the job, not through its incident", () => {
    const extra = drive({ extra: true, state: "Received", jobState: "Transferring" });
    const d = incidentDisposalTargets({ kind: "ExtraDrive" }, "drivesReturned", [extra]);
    expect(d).toMatchObject({ ok: false, refusal: { rule: "R-E5" } });
    expect(!d.ok && d.refusal.message).toMatch(/goes back with the job/);
    const ofCreatingJob = drive({ extra: true, state: "Received", jobState: "Creating" });
    expect(
      incidentDisposalTargets({ kind: "ExtraDrive" }, "drivesReturned", [ofCreatingJob]).ok,
    ).toBe(true);
  });

  it("R-E2, R-E3: incidents with no drive here return or destroy nothing", () => {
    for (const kind of ["PackageOverdue", "ReturnedDrivesLostOrDamaged"] as const) {
      for (const outcome of ["drivesReturned", "drivesDestroyed"] as const) {
        expect(incidentDisposalTargets({ kind }, outcome, [])).toMatchObject({
          ok: false,
          refusal: { code: "incident_not_applicable" },
        });
      }
    }
    expect(INCIDENT_KINDS).toHaveLength(5);
  });
});
