import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  jobErrorReasons,
  jobHadErrors,
  jobStateFromDrives,
  jobStatePath,
  nextJobStateAfterDriveChange,
} from "./derived-job-state.ts";
import { drives, extra, jobSnapshot } from "./fixtures.test-support.ts";
import { jobStateConsistentWithDrives } from "./job-resolution.ts";
import { driveStillHere, listedDrives, type JobDrive } from "./job-snapshot.ts";
import { DERIVED_JOB_TRANSITIONS } from "./job-transitions.ts";
import { DRIVE_STATES, JOB_STATES, type DriveState, type JobState } from "./states.ts";

const driveStillHereAny = (ds: readonly JobDrive[]) => ds.some((d) => d.extra && driveStillHere(d));

const derive = (state: JobState, ds: JobDrive[], more: Parameters<typeof jobSnapshot>[0] = {}) =>
  jobStateFromDrives(jobSnapshot({ state, drives: ds, ...more }));

describe("the job state its drives imply", () => {
  it("R-J7: stays Shipping while a listed drive is still Specified", () => {
    expect(derive("Shipping", drives("Received", "Specified"))).toBe("Shipping");
  });
  it("R-J7: Received once every listed drive is accounted for and one was received", () => {
    expect(derive("Shipping", drives("Received", "Received"))).toBe("Received");
  });
  it("R-J7/R-D4: a NeverReceived drive counts as accounted for", () => {
    expect(derive("Shipping", drives("Received", "NeverReceived"))).toBe("Received");
  });
  it("R-J7/R-E2: with every drive NeverReceived the job keeps waiting in Shipping", () => {
    expect(derive("Shipping", drives("NeverReceived", "NeverReceived"))).toBe("Shipping");
  });
  it("R-J8: Transferring once a received drive has begun processing", () => {
    expect(derive("Received", drives("Transferring", "Received"))).toBe("Transferring");
  });
  it("R-J9: Packaging once every received drive has finished processing", () => {
    expect(derive("Transferring", drives("Completed", "CompletedMoreInfo", "NeverReceived"))).toBe(
      "Packaging",
    );
  });
  it("R-J9: still Transferring while one drive has not finished", () => {
    expect(derive("Transferring", drives("Completed", "Received"))).toBe("Transferring");
  });
  it("R-J9/R-J14: a cancelled job's received drives count as processed: Packaging without Transferring", () => {
    expect(derive("Received", drives("Received", "Received"), { cancelRequested: true })).toBe(
      "Packaging",
    );
  });
  it("R-J10: Completed when every drive is shipped back and there were no errors", () => {
    expect(derive("Packaging", drives("ShippedBack", "ShippedBack"))).toBe("Completed");
  });
  it("R-J12: Closed when every drive is shipped back and a copy had issues (sticky hadErrors)", () => {
    expect(derive("Packaging", drives("ShippedBack", "ShippedBack"), { hadErrors: true })).toBe(
      "Closed",
    );
  });
  it("R-J12: Closed when a drive never arrived", () => {
    expect(derive("Packaging", drives("ShippedBack", "NeverReceived"))).toBe("Closed");
  });
  it("R-J12/R-J14: Closed when the job was cancelled", () => {
    expect(derive("Packaging", drives("ShippedBack"), { cancelRequested: true })).toBe("Closed");
  });
  it("R-J14: a cancelled job none of whose drives arrived closes", () => {
    expect(derive("Shipping", drives("NeverReceived"), { cancelRequested: true })).toBe("Closed");
  });
  it("R-E5/R-D11: extra drives are not waited for and not copied, but go back with the job", () => {
    expect(derive("Shipping", [...drives("Received"), extra("Specified")])).toBe("Received");
    expect(derive("Transferring", [...drives("Completed"), extra("Received")])).toBe("Packaging");
    // The listed drives are back, the extra one is still here: the job waits for it.
    expect(derive("Packaging", [...drives("ShippedBack"), extra("Received")])).toBe("Packaging");
    expect(derive("Packaging", [...drives("ShippedBack"), extra("Faulted")])).toBe("Packaging");
    // Every drive that came is gone, the extra one too.
    expect(derive("Packaging", [...drives("ShippedBack"), extra("ShippedBack")])).toBe("Completed");
    expect(
      derive("Packaging", [
        ...drives("ShippedBack"),
        { ...extra("Received"), disposal: "Destroyed" as const },
      ]),
    ).toBe("Completed");
  });
  it("R-E5/R-J14: a cancelled job whose listed drives never came keeps an extra drive's return open", () => {
    expect(
      derive("Shipping", [...drives("NeverReceived"), extra("Received")], {
        cancelRequested: true,
      }),
    ).toBe("Packaging");
    expect(
      derive("Packaging", [...drives("NeverReceived"), extra("ShippedBack")], {
        cancelRequested: true,
      }),
    ).toBe("Closed");
  });
  it("R-E1/R-E4: a destroyed drive has left the datacenter, and the job ends Closed", () => {
    const destroyed = { ...drives("CompletedMoreInfo")[0]!, disposal: "Destroyed" as const };
    expect(derive("Packaging", [...drives("ShippedBack"), destroyed])).toBe("Closed");
    expect(derive("Transferring", [...drives("Transferring"), destroyed])).toBe("Transferring");
  });
  it("R-E1: a Creating job stays Creating whatever its drives show", () => {
    expect(derive("Creating", drives("Received"))).toBe("Creating");
  });
  it("R-F1: a Faulted job stays Faulted", () => {
    expect(derive("Faulted", drives("ShippedBack"), { faultedFrom: "Packaging" })).toBe("Faulted");
  });
  it("R-F1: a Faulted drive holds the job where it is", () => {
    expect(derive("Transferring", drives("Completed", "Faulted"))).toBe("Transferring");
    expect(derive("Shipping", drives("Received", "Faulted"))).toBe("Shipping");
  });
  it("R-D2: an export job follows the same rules once it has drives, and stays put without any", () => {
    expect(derive("Shipping", drives("Received"), { type: "Export" })).toBe("Received");
    expect(derive("Shipping", [], { type: "Export" })).toBe("Shipping");
    expect(derive("Received", [], { type: "Export" })).toBe("Received");
  });
  it("R-D2/R-J7: an export job waits for the drive count its delivery package announced", () => {
    expect(derive("Shipping", drives("Received"), { type: "Export", expectedDriveCount: 2 })).toBe(
      "Shipping",
    );
    expect(
      derive("Shipping", drives("Received", "Received"), { type: "Export", expectedDriveCount: 2 }),
    ).toBe("Received");
    expect(derive("Shipping", drives("Received"), { type: "Import", expectedDriveCount: 2 })).toBe(
      "Received",
    );
  });
});

describe("jobHadErrors", () => {
  it("R-J12: errors are copy errors (the sticky flag), missing or destroyed drives, a cancellation", () => {
    expect(jobHadErrors(jobSnapshot({ drives: drives("Completed") }))).toBe(false);
    expect(
      jobHadErrors(jobSnapshot({ drives: drives("CompletedMoreInfo"), hadErrors: true })),
    ).toBe(true);
    expect(
      jobErrorReasons(
        jobSnapshot({
          drives: [
            ...drives("NeverReceived"),
            { state: "CompletedMoreInfo", extra: false, disposal: "Destroyed" },
          ],
          hadErrors: true,
          cancelRequested: true,
        }),
      ),
    ).toEqual(["copyErrors", "neverReceived", "destroyed", "cancelled"]);
    expect(jobHadErrors(jobSnapshot({ drives: drives("NeverReceived") }))).toBe(true);
    expect(jobHadErrors(jobSnapshot({ drives: drives("ShippedBack"), hadErrors: true }))).toBe(
      true,
    );
    expect(
      jobHadErrors(jobSnapshot({ drives: drives("ShippedBack"), cancelRequested: true })),
    ).toBe(true);
  });
  it("R-J12, R-D8: a drive with warnings or overwritten blobs only is CompletedMoreInfo, not an error of the job", () => {
    // R-J12 closes a job only for errors met while it was worked; a drive's CompletedMoreInfo
    // (R-D8) also stands for warnings and for notes about blobs that were overwritten.
    const warningsOnly = jobSnapshot({ state: "Packaging", drives: drives("ShippedBack") });
    expect(jobHadErrors(warningsOnly)).toBe(false);
    expect(derive("Packaging", drives("ShippedBack"))).toBe("Completed");
    expect(derive("Packaging", drives("ShippedBack"), { hadErrors: true })).toBe("Closed");
  });
  it("R-E5: an extra drive's state is not the job's error", () => {
    expect(
      jobHadErrors(jobSnapshot({ drives: [...drives("ShippedBack"), extra("CompletedMoreInfo")] })),
    ).toBe(false);
  });
});

describe("moving the job after a drive change", () => {
  it("R-J7: returns the new state when the drives carry the job forward", () => {
    expect(
      nextJobStateAfterDriveChange(jobSnapshot({ state: "Shipping", drives: drives("Received") })),
    ).toBe("Received");
  });
  it("R-J8: returns null when nothing changes", () => {
    expect(
      nextJobStateAfterDriveChange(
        jobSnapshot({ state: "Transferring", drives: drives("Transferring") }),
      ),
    ).toBeNull();
  });
  it("R-F3: never moves a job backward, even when a drive was put back", () => {
    expect(
      nextJobStateAfterDriveChange(
        jobSnapshot({ state: "Transferring", drives: drives("Received") }),
      ),
    ).toBeNull();
  });
  it("R-J10: one change can finish the job", () => {
    expect(
      nextJobStateAfterDriveChange(
        jobSnapshot({ state: "Packaging", drives: drives("ShippedBack") }),
      ),
    ).toBe("Completed");
  });
  it("R-J14: a cancelled job's path goes through Received to Packaging, skipping Transferring", () => {
    const job = jobSnapshot({
      state: "Shipping",
      drives: drives("Received"),
      cancelRequested: true,
    });
    const to = nextJobStateAfterDriveChange(job);
    expect(to).toBe("Packaging");
    expect(jobStatePath(job, "Packaging")).toEqual(["Received", "Packaging"]);
  });
  it("R-J7..R-J12: a path walks the normal order and ends at the target", () => {
    const job = jobSnapshot({ state: "Shipping", drives: drives("ShippedBack"), hadErrors: true });
    expect(jobStatePath(job, "Closed")).toEqual([
      "Received",
      "Transferring",
      "Packaging",
      "Closed",
    ]);
  });
  it("R-J14: a cancelled job none of whose drives came goes straight from Shipping to Closed", () => {
    const job = jobSnapshot({
      state: "Shipping",
      drives: drives("NeverReceived"),
      cancelRequested: true,
    });
    expect(jobStatePath(job, "Closed")).toEqual(["Closed"]);
  });
});

const driveArb = fc.record({ state: fc.constantFrom(...DRIVE_STATES), extra: fc.boolean() });
const jobArb = fc.record({
  state: fc.constantFrom<JobState>("Shipping", "Received", "Transferring", "Packaging"),
  drives: fc.array(driveArb, { maxLength: 6 }),
  cancelRequested: fc.boolean(),
  hadErrors: fc.boolean(),
});
const ARRIVED: DriveState[] = [
  "Received",
  "Transferring",
  "Completed",
  "CompletedMoreInfo",
  "ShippedBack",
];

describe("property: jobStateFromDrives always agrees with its drives", () => {
  it("R-J7..R-J12, R-F1: whatever the drives, the derived state says nothing they contradict", () => {
    fc.assert(
      fc.property(jobArb, (j) => {
        const job = jobSnapshot(j);
        const derived = jobStateFromDrives(job);
        const listed = listedDrives(job.drives);
        expect(JOB_STATES).toContain(derived);
        if (listed.some((d) => d.state === "Faulted") || listed.length === 0) {
          expect(derived).toBe(job.state);
          return;
        }
        expect(jobStateConsistentWithDrives(derived, job)).toBe(true);
        if (["Received", "Transferring", "Packaging", "Completed"].includes(derived)) {
          expect(listed.every((d) => d.state !== "Specified")).toBe(true);
          // R-E5: a cancelled job whose listed drives never came waits in Packaging for its extra one.
          const waitsForExtra = derived === "Packaging" && driveStillHereAny(job.drives);
          expect(listed.some((d) => ARRIVED.includes(d.state)) || waitsForExtra).toBe(true);
        }
        if (derived === "Received")
          expect(listed.every((d) => ["Received", "NeverReceived"].includes(d.state))).toBe(true);
        if (derived === "Transferring")
          expect(listed.some((d) => d.state !== "Received" && ARRIVED.includes(d.state))).toBe(
            true,
          );
        if (derived === "Packaging")
          expect(listed.some((d) => d.state === "Transferring")).toBe(false);
        if (derived === "Completed") {
          expect(listed.every((d) => d.state === "ShippedBack")).toBe(true);
          expect(jobHadErrors(job)).toBe(false);
        }
        if (derived === "Closed") {
          expect(
            listed.some((d) =>
              ["Received", "Transferring", "Completed", "CompletedMoreInfo"].includes(d.state),
            ),
          ).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("R-E5/R-D11: extra drives change the derived state only by holding an ending job in Packaging", () => {
    fc.assert(
      fc.property(jobArb, fc.array(driveArb, { maxLength: 3 }), (j, more) => {
        const job = jobSnapshot(j);
        const withExtras = {
          ...job,
          drives: [...job.drives, ...more.map((d) => ({ ...d, extra: true }))],
        };
        const without = jobStateFromDrives(job);
        const withThem = jobStateFromDrives(withExtras);
        const extraHere = more.some((d) => driveStillHere({ ...d, extra: true }));
        const ends = (s: JobState) => s === "Completed" || s === "Closed";
        if (ends(without) && !ends(job.state) && extraHere) expect(withThem).toBe("Packaging");
        else expect(withThem).toBe(without);
      }),
    );
  });

  it("R-E5/R-J10/R-J12: a job never derives Completed or Closed while an extra drive is here", () => {
    fc.assert(
      fc.property(jobArb, fc.array(driveArb, { minLength: 1, maxLength: 3 }), (j, more) => {
        const job = jobSnapshot(j);
        const extras = more.map((d) => ({ ...d, extra: true }));
        fc.pre(extras.some((d) => driveStillHere(d)));
        fc.pre(job.state !== "Completed" && job.state !== "Closed");
        const derived = jobStateFromDrives({ ...job, drives: [...job.drives, ...extras] });
        expect(["Completed", "Closed"]).not.toContain(derived);
      }),
    );
  });

  it("R-J7..R-J12: nextJobStateAfterDriveChange only moves forward, along edges of the derived-transition table", () => {
    const edges = new Set(DERIVED_JOB_TRANSITIONS.map((t) => `${t.from}>${t.to}`));
    const order: JobState[] = ["Creating", "Shipping", "Received", "Transferring", "Packaging"];
    fc.assert(
      fc.property(jobArb, (j) => {
        const job = jobSnapshot(j);
        const next = nextJobStateAfterDriveChange(job);
        if (next === null) return;
        const rank = (s: JobState) => (s === "Completed" || s === "Closed" ? 5 : order.indexOf(s));
        expect(rank(next)).toBeGreaterThan(rank(job.state));
        const path = jobStatePath(job, next);
        expect(path[path.length - 1]).toBe(next);
        [job.state, ...path].slice(0, -1).forEach((from, i) => {
          expect(edges).toContain(`${from}>${path[i]}`);
        });
      }),
      { numRuns: 2000 },
    );
  });
});
