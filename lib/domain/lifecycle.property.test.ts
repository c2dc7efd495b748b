import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decideCopyProgress } from "./copy-progress.ts";
import { jobHadErrors, jobStatePath, nextJobStateAfterDriveChange } from "./derived-job-state.ts";
import { decideArrivingDrive } from "./drive-arrival.ts";
import { decideDriveEvent } from "./drive-machine.ts";
import { NOW } from "./fixtures.test-support.ts";
import { decideJobEvent } from "./job-machine.ts";
import { jobStateConsistentWithDrives } from "./job-resolution.ts";
import { AT_DATACENTER_DRIVE_STATES, extraDrivesStillHere, listedDrives } from "./job-snapshot.ts";
import { DERIVED_JOB_TRANSITIONS, JOB_TRANSITIONS } from "./job-transitions.ts";
import {
  lives,
  MAX_DRIVES,
  newJob,
  type SimDrive,
  type SimJob,
  type Step,
} from "./lifecycle.arbitraries.test-support.ts";
import { percentComplete } from "./percent-complete.ts";
import { DRIVE_STATES, JOB_STATES } from "./states.ts";

/**
 * Random lives of a job (lifecycle.arbitraries.test-support.ts) applied through the deciders
 * exactly as a command would, the job settled after every change with
 * nextJobStateAfterDriveChange. The invariants below must hold after every step.
 */
const derivedEdges = new Set(DERIVED_JOB_TRANSITIONS.map((t) => `${t.from}>${t.to}`));

/** Carry the job forward as its drives imply, checking every step is an edge of the diagram. */
function settle(job: SimJob): void {
  const next = nextJobStateAfterDriveChange(job);
  if (next === null) return;
  const path = jobStatePath(job, next);
  [job.state, ...path]
    .slice(0, -1)
    .forEach((from, i) => expect(derivedEdges).toContain(`${from}>${path[i]}`));
  job.state = next;
}

/** Apply one step; returns false when the job was deleted. `onApplied` sees each successful step. */
function apply(job: SimJob, step: Step, onApplied: (step: Step) => void): boolean {
  if (step.kind === "job") {
    const d = decideJobEvent(job, step.event, step.actor, NOW);
    if (!d.ok) return true;
    if (d.value.to === "Deleted") {
      // R-J2, R-J11, R-J13: only a job with nothing at the datacenter goes.
      const here = job.drives.filter(
        (x) => x.state === "Faulted" || AT_DATACENTER_DRIVE_STATES.includes(x.state),
      );
      if (step.event.type === "delete") expect(here).toEqual([]);
      return false;
    }
    const from = job.state;
    const row = JOB_TRANSITIONS.find(
      (r) => r.event === step.event.type && r.from.includes(from) && r.to === d.value.to,
    );
    if (step.event.type !== "cancel")
      expect(row, `${step.event.type} ${from}->${d.value.to}`).toBeDefined();
    job.state = d.value.to;
    if (d.value.setCancelRequested) job.cancelRequested = true;
    if (step.event.type === "replaceDriveList") {
      // R-D1: the new list starts Specified, like the one given at Put Job.
      expect(job.type).toBe("Import");
      job.drives = job.drives.map(() => ({
        state: "Specified",
        faultedFrom: null,
        extra: false,
        percent: 0,
      }));
    }
    if (d.value.faultedFrom !== undefined) job.faultedFrom = d.value.faultedFrom;
    settle(job);
    onApplied(step);
    return true;
  }
  if (step.kind === "arrive") {
    if (job.drives.length >= MAX_DRIVES) return true;
    const d = decideArrivingDrive(job, step.arrival, step.actor);
    if (!d.ok) return true;
    job.drives.push({ state: d.value.state, faultedFrom: null, extra: d.value.extra, percent: 0 });
    settle(job);
    return true;
  }
  const drive = job.drives[step.index % job.drives.length];
  if (!drive) return true;
  if (step.kind === "progress") {
    const d = decideCopyProgress(drive, step.percent, "copyStation");
    if (d.ok) drive.percent = d.value.percent;
    return true;
  }
  const d = decideDriveEvent(drive, step.event, step.actor, { job });
  if (!d.ok) return true;
  drive.state = d.value.to;
  drive.faultedFrom = d.value.faultedFrom;
  if (d.value.to === "Transferring") drive.percent = 0;
  // A finished copy reports 100 (lib/server/drives/commands.ts writes it with the finish).
  if (step.event.type === "finishCopy") drive.percent = 100;
  if (d.value.recordsJobError) job.hadErrors = true;
  settle(job);
  onApplied(step);
  return true;
}

function checkInvariants(job: SimJob): void {
  const listed = listedDrives(job.drives);
  expect(JOB_STATES).toContain(job.state);
  for (const d of job.drives) {
    expect(DRIVE_STATES).toContain(d.state);
    expect(d.state === "Faulted").toBe(d.faultedFrom !== null);
    if (d.extra) expect(["Transferring", "Completed", "CompletedMoreInfo"]).not.toContain(d.state);
    if (d.state === "Transferring") expect(job.cancelRequested).toBe(false);
    if (d.state === "ShippedBack" && !d.extra) {
      expect(job.state === "Faulted" ? job.faultedFrom : job.state).not.toBe("Creating");
    }
  }
  expect(job.state === "Faulted").toBe(job.faultedFrom !== null);
  if (job.state === "Completed") {
    expect(listed.every((d) => d.state === "ShippedBack")).toBe(true);
    expect(jobHadErrors(job)).toBe(false);
  }
  // R-E5, R-D11: extra drives go back with the job; it never ends with one still here.
  if (job.state === "Completed" || job.state === "Closed") {
    expect(extraDrivesStillHere(job.drives)).toEqual([]);
  }
  // R-G2, R-J14: the percent says what was copied; a cancelled job never shows a copy it skipped.
  if (job.cancelRequested && job.drives.every((d) => d.percent === 0)) {
    expect(percentComplete(job)).toBe(0);
  }
  if (job.state === "Closed") {
    expect(
      listed.some((d) => d.state === "Faulted" || AT_DATACENTER_DRIVE_STATES.includes(d.state)),
    ).toBe(false);
  }
  if (["Received", "Transferring", "Packaging"].includes(job.state)) {
    expect(listed.some((d) => d.state === "Specified")).toBe(false);
  }
  if (job.state === "Packaging") expect(listed.some((d) => d.state === "Transferring")).toBe(false);
  if (job.state !== "Faulted") {
    expect(jobStateConsistentWithDrives(job.state, job)).toBe(true);
    expect(nextJobStateAfterDriveChange(job)).toBeNull();
  }
}

/** The same step sent again (a double scan, a retried request) must not move anything twice. */
function expectRepeatIsHarmless(job: SimJob, step: Step): void {
  if (step.kind === "progress" || step.kind === "arrive") return;
  // Updates may be sent again and again; each one restarts the Creating timer (R-J3).
  if (
    step.kind === "job" &&
    (step.event.type === "updateProperties" || step.event.type === "replaceDriveList")
  )
    return;
  const again =
    step.kind === "job"
      ? decideJobEvent(job, step.event, step.actor, NOW)
      : decideDriveEvent(
          job.drives[step.index % job.drives.length] as SimDrive,
          step.event,
          step.actor,
          { job },
        );
  expect(again.ok ? "applied twice" : again.refusal.code).toBe("already_in_state");
}

describe("property: random lives of a job", () => {
  it("R-J7..R-J14, R-D1..R-D11, R-F1, R-F3: no sequence of events reaches an illegal state", () => {
    fc.assert(
      fc.property(lives({ faults: true }), ([s, steps]) => {
        const job = newJob(s);
        for (const step of steps) {
          if (!apply(job, step, () => undefined)) return;
          checkInvariants(job);
        }
      }),
      { numRuns: 400 },
    );
    // 400 lives with every invariant checked after each step: seconds on a busy machine.
  }, 60_000);

  it("R-D3/R-J4/R-F1: a repeated event never changes state twice (already_in_state)", () => {
    fc.assert(
      fc.property(lives({ faults: true }), ([s, steps]) => {
        const job = newJob(s);
        for (const step of steps) {
          if (!apply(job, step, (done) => expectRepeatIsHarmless(job, done))) return;
        }
      }),
      { numRuns: 300 },
    );
  });

  it("R-G2: percent complete stays within 0..100 and never goes down along a normal life", () => {
    // Normal life: no faults or fault resolutions, no overrides, no late arrivals (they add work).
    const normal = (step: Step) =>
      !(step.kind === "drive" && step.event.type === "shipBack" && step.event.supervisorOverride);
    fc.assert(
      fc.property(lives({ faults: false }), ([s, steps]) => {
        const job = newJob(s);
        let last = percentComplete(job);
        for (const step of steps.filter(normal)) {
          // Work that turns up late (R-D10, or an export drive beyond the announced count) is new work.
          const late =
            (step.kind === "drive" &&
              step.event.type === "receive" &&
              job.drives[step.index % job.drives.length]?.state === "NeverReceived") ||
            (step.kind === "arrive" && job.state !== "Creating" && job.state !== "Shipping");
          if (late) continue;
          if (!apply(job, step, () => undefined)) return;
          const now = percentComplete(job);
          expect(now).toBeGreaterThanOrEqual(0);
          expect(now).toBeLessThanOrEqual(100);
          expect(now).toBeGreaterThanOrEqual(last);
          last = now;
        }
      }),
      { numRuns: 300 },
    );
  });

  it("R-J10/R-J12: lives do reach the end: some jobs complete and some close", () => {
    // Guards against a generator too weak to exercise the end of the life cycle.
    const ends = new Set<string>();
    fc.assert(
      fc.property(lives({ faults: false }), ([s, steps]) => {
        const job = newJob(s);
        for (const step of steps) if (!apply(job, step, () => undefined)) return;
        ends.add(job.state);
      }),
      { numRuns: 400, seed: 42 },
    );
    expect(ends).toContain("Completed");
    expect(ends).toContain("Closed");
  });
});
