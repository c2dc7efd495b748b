import { customerDeadlines, type CustomerDeadline } from "@/lib/domain/customer-deadlines.ts";
import { customerJobStatus, type LogLevel } from "@/lib/domain/job-status.ts";
import { percentComplete } from "@/lib/domain/percent-complete.ts";
import { SCAN_CARRIERS, type Carrier } from "@/lib/domain/scan-codes.ts";
import { isJobState, type DriveState, type JobState, type JobType } from "@/lib/domain/states.ts";

/**
 * What the status page is made from: exactly the columns the customer may see, nothing else (no
 * keys, hashes, notes, fault reasons, people). lib/server/status-links/queries.ts selects these
 * field by field; the view below is rebuilt from them field by field again.
 */
export type StatusPageSource = {
  job: {
    name: string;
    type: JobType;
    state: JobState;
    logLevel: LogLevel;
    cancelRequested: boolean;
    deliveryCarrier: string | null;
    deliveryTrackingNumber: string | null;
    deliveryDriveCount: number | null;
    stateChangedAt: Date;
    creatingTimerStartedAt: Date | null;
    shippingInfoAt: Date | null;
    completedAt: Date | null;
    closedAt: Date | null;
  };
  drives: readonly {
    serial: string;
    state: DriveState;
    faultedFrom: DriveState | null;
    extra: boolean;
    percentComplete: number;
    errorLogUri: string | null;
    verboseLogUri: string | null;
  }[];
  /** The job's events that changed its state, oldest first. */
  stateEvents: readonly { at: Date; fromState: string | null; toState: string | null }[];
  returnPackages: readonly { carrier: string; trackingNumber: string }[];
  /** R-E2: the answer deadline of the job's open package-overdue incident. */
  missingPackageAnswerBy: Date | null;
  /** R-E2: operations extended that incident's wait (on the customer's answer). */
  missingPackageWaitExtended: boolean;
  /** R-E4: the destruction deadline of the open return-address incident. */
  returnAddressDestructionAt: Date | null;
};

export type TrackedPackage = {
  carrier: string;
  knownCarrier: Carrier | null;
  trackingNumber: string;
};

export type StatusPageDrive = {
  driveId: string;
  state: DriveState;
  extra: boolean;
  /**
   * R-G2 for this one drive; null when it does not count (never arrived, an extra drive) and when
   * the job was cancelled, since its copy was skipped (R-J14).
   */
  percent: number | null;
  errorLogUri: string | null;
  verboseLogUri: string | null;
};

export type StatusPageView = {
  name: string;
  type: JobType;
  state: JobState;
  /** R-J14: cancelled (by the customer or by operations); its data copy is skipped. */
  cancelled: boolean;
  /**
   * R-G2, the domain's figure, the same number Get Job and the console give: how much was copied.
   * A cancelled job shows what was copied before the cancel (0 when its copy never began, R-J14).
   */
  percentComplete: number;
  drives: StatusPageDrive[];
  timeline: { state: JobState; at: Date }[];
  delivery: TrackedPackage | null;
  returns: TrackedPackage[];
  deadlines: CustomerDeadline[];
  now: Date;
};

/** "fedex", "FedEx Ground", "UPS" → the carrier whose tracking page we can link to, if any. */
export function knownCarrier(name: string): Carrier | null {
  const n = name.replace(/\s+/g, "").toLowerCase();
  return SCAN_CARRIERS.find((c) => n === c.toLowerCase() || n.startsWith(c.toLowerCase())) ?? null;
}

function tracked(carrier: string, trackingNumber: string): TrackedPackage {
  return { carrier, knownCarrier: knownCarrier(carrier), trackingNumber };
}

/**
 * One drive's progress by the job's own R-G2 rule, applied to a job of that one drive in the
 * middle of its copy: Specified/Received 0, Transferring its reported percent, done 100, a
 * Faulted drive where it faulted from, and nothing for a drive that never arrived.
 */
function drivePercent(d: StatusPageSource["drives"][number]): number | null {
  if (d.extra || d.state === "NeverReceived") return null;
  return percentComplete({
    state: "Transferring",
    drives: [
      { state: d.state, percent: d.percentComplete, extra: false, faultedFrom: d.faultedFrom },
    ],
  });
}

/** The page's content: R-G1..R-G4 (customerJobStatus), deadlines, history and tracking. */
export function statusPageView(source: StatusPageSource, now: Date): StatusPageView {
  const { job } = source;
  const status = customerJobStatus({
    name: job.name,
    type: job.type,
    state: job.state,
    logLevel: job.logLevel,
    drives: source.drives.map((d) => ({
      driveId: d.serial,
      state: d.state,
      percent: d.percentComplete,
      extra: d.extra,
      faultedFrom: d.faultedFrom,
      errorLogUri: d.errorLogUri,
      verboseLogUri: d.verboseLogUri,
    })),
  });
  const timeline = source.stateEvents
    .filter((e) => e.toState !== e.fromState)
    .flatMap((e) => (isJobState(e.toState) ? [{ state: e.toState, at: e.at }] : []));
  return {
    name: status.name,
    type: status.type,
    state: status.state,
    cancelled: job.cancelRequested,
    percentComplete: status.percentComplete,
    drives: status.drives.map((d, i) => ({
      driveId: d.driveId,
      state: d.state,
      extra: d.extra,
      percent: drivePercent(source.drives[i]!),
      errorLogUri: d.errorLogUri,
      verboseLogUri: d.verboseLogUri,
    })),
    timeline,
    delivery:
      job.deliveryCarrier && job.deliveryTrackingNumber
        ? tracked(job.deliveryCarrier, job.deliveryTrackingNumber)
        : null,
    returns: source.returnPackages.map((p) => tracked(p.carrier, p.trackingNumber)),
    deadlines: customerDeadlines(now, {
      type: job.type,
      state: job.state,
      stateChangedAt: job.stateChangedAt,
      creatingTimerStartedAt: job.creatingTimerStartedAt,
      shippingInfoAt: job.shippingInfoAt,
      completedAt: job.completedAt,
      closedAt: job.closedAt,
      drives: source.drives.map((d) => ({ state: d.state, extra: d.extra })),
      expectedDriveCount: job.type === "Export" ? job.deliveryDriveCount : null,
      missingPackageAnswerBy: job.state === "Shipping" ? source.missingPackageAnswerBy : null,
      missingPackageWaitExtended: source.missingPackageWaitExtended,
      returnAddressDestructionAt: source.returnAddressDestructionAt,
    }),
    now,
  };
}
