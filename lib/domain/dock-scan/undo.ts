import type { DriveState } from "../states.ts";

/** How long an operator may undo their own scan. */
export const UNDO_WINDOW_MINUTES = 5;

/**
 * An operator may undo their own last scan within the window, when nothing happened to the drive
 * since (no copy started, no second scan): the undo is recorded as an event, never a deletion of one.
 */
export function canUndoScan(
  scan: { at: Date; byUserId: string; toState: DriveState },
  drive: { state: DriveState; changedSince: boolean },
  userId: string,
  now: Date,
): { ok: true } | { ok: false; message: string } {
  if (scan.byUserId !== userId) return { ok: false, message: "You can undo only your own scans." };
  if (now.getTime() - scan.at.getTime() > UNDO_WINDOW_MINUTES * 60_000) {
    return {
      ok: false,
      message: `A scan can be undone for ${UNDO_WINDOW_MINUTES} minutes; ask a supervisor to correct this one.`,
    };
  }
  if (drive.changedSince || drive.state !== scan.toState) {
    return {
      ok: false,
      message: "The drive has changed since this scan: ask a supervisor to correct it.",
    };
  }
  return { ok: true };
}
