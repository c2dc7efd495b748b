import { ARRIVED_DRIVE_STATES, listedDrives, type JobDrive } from "./job-snapshot.ts";
import type { DriveState } from "./states.ts";

/**
 * What came in, for the job page: the listed drives that arrived, those that never did (R-D4, R-D5)
 * and those still awaited (R-J7), plus the extra drives that came with them (R-E5, R-D11). A state
 * says where the job stands; this says what actually happened to each listed drive, so that a
 * Received job with a missing drive is never summed up as "every drive arrived".
 */
export type ArrivalSummary = {
  listed: number;
  arrived: number;
  neverReceived: string[];
  awaited: number;
  /** Faulted drives whose arrival nobody can vouch for. */
  unknown: number;
  extra: number;
  /** Every listed drive arrived (and there is at least one). */
  allArrived: boolean;
};

type ArrivingDrive = JobDrive & { serial: string; faultedFrom?: DriveState | null };

function hasArrived(d: ArrivingDrive): boolean | null {
  if (d.disposal != null) return true;
  if (d.state === "Faulted") {
    if (d.faultedFrom == null) return null;
    return ARRIVED_DRIVE_STATES.includes(d.faultedFrom);
  }
  return ARRIVED_DRIVE_STATES.includes(d.state);
}

export function arrivalSummary(drives: readonly ArrivingDrive[]): ArrivalSummary {
  const listed = listedDrives(drives);
  const arrived = listed.filter((d) => hasArrived(d) === true).length;
  const neverReceived = listed
    .filter(
      (d) =>
        d.state === "NeverReceived" || (d.state === "Faulted" && d.faultedFrom === "NeverReceived"),
    )
    .map((d) => d.serial);
  const unknown = listed.filter((d) => hasArrived(d) === null).length;
  return {
    listed: listed.length,
    arrived,
    neverReceived,
    awaited: listed.length - arrived - neverReceived.length - unknown,
    unknown,
    extra: drives.length - listed.length,
    allArrived: listed.length > 0 && arrived === listed.length,
  };
}
