import { describe, expect, it } from "vitest";
import { decideCopyProgress } from "./copy-progress.ts";
import { decideArrivingDrive } from "./drive-arrival.ts";
import { JOB_STATES, type JobState } from "./states.ts";

describe("a drive arriving without being on a drive list", () => {
  const EXPORT_ACCEPTS: JobState[] = ["Shipping", "Received", "Transferring"];
  for (const state of JOB_STATES) {
    const ok = EXPORT_ACCEPTS.includes(state);
    it(`R-D2: an export drive arriving while the job is ${state} -> ${ok ? "recorded Received" : "refused"}`, () => {
      const d = decideArrivingDrive({ type: "Export", state }, "exportDrive", "operator");
      expect(d.ok).toBe(ok);
      if (d.ok) expect(d.value).toEqual({ state: "Received", extra: false, rule: "R-D2" });
    });
  }
  it("R-D2: an import job's drives are scanned from its list, not recorded as arrivals", () => {
    expect(
      decideArrivingDrive({ type: "Import", state: "Shipping" }, "exportDrive", "operator").ok,
    ).toBe(false);
  });
  // Received added to the seed's three: the extra drive of a package whose last listed drive was just scanned.
  const EXTRA_ACCEPTS: JobState[] = ["Creating", "Shipping", "Received", "Transferring"];
  for (const state of JOB_STATES) {
    const ok = EXTRA_ACCEPTS.includes(state);
    it(`R-E5/R-D11: an extra drive in the package of a ${state} job -> ${ok ? "kept with the job" : "refused"}`, () => {
      const d = decideArrivingDrive({ type: "Import", state }, "extraDrive", "supervisor");
      expect(d.ok).toBe(ok);
      if (d.ok) expect(d.value).toEqual({ state: "Received", extra: true, rule: "R-D11" });
    });
  }
  it("R-D11: only the dock records arriving drives", () => {
    for (const actor of ["customer", "copyStation", "sweep"] as const) {
      expect(
        decideArrivingDrive({ type: "Export", state: "Shipping" }, "exportDrive", actor),
      ).toMatchObject({
        ok: false,
        refusal: { code: "forbidden_actor" },
      });
    }
  });
});

describe("copy progress reports", () => {
  it("R-D6: a copy station reports progress for a Transferring drive", () => {
    expect(decideCopyProgress({ state: "Transferring", percent: 10 }, 42.4, "copyStation")).toEqual(
      { ok: true, value: { percent: 42 } },
    );
  });
  it("R-G2: a late, lower report never moves progress backwards", () => {
    expect(decideCopyProgress({ state: "Transferring", percent: 60 }, 40, "copyStation")).toEqual({
      ok: true,
      value: { percent: 60 },
    });
  });
  it("R-G2: a percentage outside 0..100 is refused", () => {
    expect(
      decideCopyProgress({ state: "Transferring", percent: 0 }, 101, "copyStation"),
    ).toMatchObject({ ok: false, refusal: { code: "invalid_copy_report" } });
    expect(
      decideCopyProgress({ state: "Transferring", percent: 0 }, Number.NaN, "copyStation").ok,
    ).toBe(false);
  });
  it("R-D6: no progress for a drive that is not being copied", () => {
    expect(decideCopyProgress({ state: "Received", percent: 0 }, 5, "copyStation")).toMatchObject({
      ok: false,
      refusal: { code: "illegal_transition" },
    });
  });
  it("R-D6: only copy stations report progress", () => {
    expect(decideCopyProgress({ state: "Transferring", percent: 0 }, 5, "operator")).toMatchObject({
      ok: false,
      refusal: { code: "forbidden_actor" },
    });
  });
});
