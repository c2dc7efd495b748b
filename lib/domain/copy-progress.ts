import { allow, refuse, type Decision } from "./refusal.ts";
import type { Actor, DriveState } from "./states.ts";

/**
 * A copy station's progress report for a drive being copied (R-D6, feeding R-G2). Reports can
 * arrive out of order over the network, so a lower figure than the one stored is not an error:
 * the stored figure stands and the customer never sees progress go backwards.
 */
export function decideCopyProgress(
  drive: { state: DriveState; percent: number },
  percent: number,
  actor: Actor,
): Decision<{ percent: number }> {
  if (actor !== "copyStation") {
    return refuse("forbidden_actor", "Only copy stations report a drive's copy progress.", "R-D6");
  }
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
    return refuse(
      "invalid_copy_report",
      "Copy progress is a percentage between 0 and 100.",
      "R-G2",
    );
  }
  if (drive.state !== "Transferring") {
    return refuse(
      "illegal_transition",
      `Progress is reported only for a drive being copied; this drive is ${drive.state} (R-D6).`,
      "R-D6",
    );
  }
  return allow({ percent: Math.max(Math.round(percent), Math.round(drive.percent)) });
}
