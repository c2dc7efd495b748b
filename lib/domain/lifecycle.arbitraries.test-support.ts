// Random lives of a job for the property tests (not exported by index.ts).
import fc from "fast-check";
import type { ArrivalKind } from "./drive-arrival.ts";
import { initialDriveState, type DriveEvent } from "./drive-transitions.ts";
import { daysFromNow, jobSnapshot, NOW } from "./fixtures.test-support.ts";
import type { JobSnapshot } from "./job-snapshot.ts";
import type { JobEvent } from "./job-transitions.ts";
import {
  ACTORS,
  DRIVE_STATES,
  JOB_STATES,
  type Actor,
  type DriveState,
  type JobType,
} from "./states.ts";

/**
 * Drive and job events from the actors who normally send them (and now and then the wrong one),
 * weighted towards the normal path so that many lives reach Completed or Closed.
 */
export type SimDrive = {
  state: DriveState;
  faultedFrom: DriveState | null;
  extra: boolean;
  percent: number;
};
export type SimJob = Omit<JobSnapshot, "drives"> & { drives: SimDrive[] };
export type Step =
  | { kind: "arrive"; arrival: ArrivalKind; actor: Actor }
  | { kind: "drive"; index: number; event: DriveEvent; actor: Actor }
  | { kind: "job"; event: JobEvent; actor: Actor }
  | { kind: "progress"; index: number; percent: number };

const anyActor = fc.constantFrom(...ACTORS);
const mostly = (...natural: Actor[]) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...natural), weight: 9 },
    { arbitrary: anyActor, weight: 1 },
  );

const driveStep = (index: fc.Arbitrary<number>, { faults = true } = {}): fc.Arbitrary<Step> => {
  // Weighted towards the normal path so that many lives reach Completed or Closed.
  const pairs: fc.WeightedArbitrary<[DriveEvent, Actor]>[] = [
    {
      weight: 4,
      arbitrary: fc.tuple(
        fc.constant<DriveEvent>({ type: "receive" }),
        mostly("operator", "supervisor"),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(
        fc.constant<DriveEvent>({ type: "markNeverReceived" }),
        mostly("operator", "sweep"),
      ),
    },
    {
      weight: 3,
      arbitrary: fc.tuple(fc.constant<DriveEvent>({ type: "startCopy" }), mostly("copyStation")),
    },
    {
      weight: 3,
      arbitrary: fc.tuple(
        fc.oneof(
          {
            arbitrary: fc.constant<DriveEvent>({ type: "finishCopy", errors: 0, warnings: 0 }),
            weight: 3,
          },
          {
            arbitrary: fc.record({
              type: fc.constant("finishCopy" as const),
              errors: fc.nat(2),
              warnings: fc.nat(1),
              overwrittenBlobs: fc.nat(1),
            }),
            weight: 1,
          },
        ),
        mostly("copyStation"),
      ),
    },
    {
      weight: 3,
      arbitrary: fc.tuple(
        fc.record({
          type: fc.constant("shipBack" as const),
          supervisorOverride: fc.oneof(
            { weight: 5, arbitrary: fc.constant(false) },
            { weight: 1, arbitrary: fc.constant(true) },
          ),
        }),
        mostly("operator", "supervisor"),
      ),
    },
  ];
  if (faults) {
    pairs.push(
      {
        weight: 1,
        arbitrary: fc.tuple(
          fc.constant<DriveEvent>({ type: "fault", reason: "stuck" }),
          mostly("operator", "supervisor"),
        ),
      },
      {
        weight: 1,
        arbitrary: fc.tuple(
          fc.record({
            type: fc.constant("resolveFault" as const),
            to: fc.constantFrom(...DRIVE_STATES),
          }),
          mostly("supervisor"),
        ),
      },
    );
  }
  return fc
    .tuple(index, fc.oneof(...pairs))
    .map(([i, [event, actor]]) => ({ kind: "drive", index: i, event, actor }));
};

const jobStep = ({ faults = true } = {}): fc.Arbitrary<Step> => {
  const pairs: fc.WeightedArbitrary<[JobEvent, Actor]>[] = [
    {
      weight: 4,
      arbitrary: fc.tuple(fc.constant<JobEvent>({ type: "markShipping" }), mostly("customer")),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constant<JobEvent>({ type: "updateProperties" }), mostly("customer")),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(
        fc.constant<JobEvent>({ type: "replaceDriveList", heldDrives: [] }),
        mostly("customer"),
      ),
    },
    {
      // Rare: a deleted job ends its life early.
      weight: 1,
      arbitrary: fc.tuple(
        fc.oneof(
          { weight: 3, arbitrary: fc.constant<JobEvent>({ type: "delete", heldDrives: [] }) },
          { weight: 1, arbitrary: fc.constant<JobEvent>({ type: "delete", heldDrives: ["Z1"] }) },
        ),
        mostly("customer"),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(
        fc.constant<JobEvent>({ type: "cancel", reason: "not needed" }),
        mostly("customer", "supervisor"),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(
        fc.constant<JobEvent>({ type: "closeOverdue", answerDueAt: daysFromNow(-1) }),
        mostly("sweep"),
      ),
    },
  ];
  if (faults) {
    pairs.push(
      {
        weight: 1,
        arbitrary: fc.tuple(
          fc.constant<JobEvent>({ type: "fault", reason: "carrier lost it" }),
          mostly("operator", "supervisor"),
        ),
      },
      {
        weight: 2,
        arbitrary: fc.tuple(
          fc.record({
            type: fc.constant("resolveFault" as const),
            to: fc.constantFrom(...JOB_STATES),
          }),
          mostly("supervisor"),
        ),
      },
    );
  }
  return fc.oneof(...pairs).map(([event, actor]) => ({ kind: "job", event, actor }));
};

const progressStep = (index: fc.Arbitrary<number>): fc.Arbitrary<Step> =>
  fc.record({
    kind: fc.constant("progress" as const),
    index,
    percent: fc.integer({ min: 0, max: 100 }),
  });

const arriveStep: fc.Arbitrary<Step> = fc.record({
  kind: fc.constant("arrive" as const),
  arrival: fc.constantFrom<ArrivalKind>("exportDrive", "extraDrive"),
  actor: mostly("operator", "supervisor"),
});

const start = fc.record({
  type: fc.constantFrom<JobType>("Import", "Export"),
  listed: fc.integer({ min: 1, max: 4 }),
});

export const MAX_DRIVES = 6;

/** An import job lists its drives at creation (R-D1); an export job's drives are recorded as they arrive (R-D2). */
export function newJob({ type, listed }: { type: JobType; listed: number }): SimJob {
  return {
    ...jobSnapshot({
      type,
      state: "Creating",
      creatingTimerStartedAt: NOW,
      stateChangedAt: NOW,
      shippingInfoAt: null,
    }),
    expectedDriveCount: type === "Export" ? listed : null,
    drives:
      type === "Import"
        ? Array.from({ length: listed }, () => ({
            state: initialDriveState(type),
            faultedFrom: null,
            extra: false,
            percent: 0,
          }))
        : [],
  };
}

export const lives = (opts: { faults: boolean }) =>
  start.chain((s) => {
    const index = fc.nat(MAX_DRIVES - 1);
    const step = fc.oneof(
      { arbitrary: driveStep(index, opts), weight: 8 },
      { arbitrary: jobStep(opts), weight: 2 },
      { arbitrary: progressStep(index), weight: 2 },
      { arbitrary: arriveStep, weight: s.type === "Export" ? 2 : 1 },
    );
    // Most lives begin with the customer shipping the package (R-J4); the others stay in Creating.
    const first = fc.oneof(
      {
        weight: 4,
        arbitrary: fc.constant<Step[]>([
          { kind: "job", event: { type: "markShipping" }, actor: "customer" },
        ]),
      },
      { weight: 1, arbitrary: fc.constant<Step[]>([]) },
    );
    return fc.tuple(
      fc.constant(s),
      fc
        .tuple(first, fc.array(step, { minLength: 10, maxLength: 80 }))
        .map(([a, b]) => [...a, ...b]),
    );
  });
