import "server-only";
import { fail, type CommandResult } from "@/lib/server/command.ts";
import { scanOutcome, type ScanOutcome } from "@/lib/dock-outcomes.ts";
import { answer, jobOf, type ScanContext } from "./context.ts";
import { doubleScan } from "./double-scan.ts";
import { applyDockDriveEvent } from "./settle.ts";

/**
 * A drive scanned into an open return package: shipped back (R-D9); the last one may end the job
 * (R-J10, R-J12). A drive already shipped back (a second scan, or a retry after the job ended)
 * answers as the double scan it is.
 */
export async function shipDriveBack(
  ctx: ScanContext,
  supervisorOverride: boolean,
): Promise<CommandResult<ScanOutcome>> {
  const drives = ctx.facts.serialDrives
    .filter((d): d is typeof d & { jobId: string } => d.jobId !== null)
    .reverse();
  const drive = drives.find((d) => d.state !== "ShippedBack") ?? drives[0];
  if (!drive)
    return fail(
      "not_found",
      `No job has a drive ${ctx.serial}. Check the label, or call a supervisor.`,
    );
  if (drive.state === "ShippedBack") return doubleScan(ctx, drive.id, "shipBack");
  const applied = applyDockDriveEvent(ctx, drive, { type: "shipBack", supervisorOverride });
  if (!applied.ok) return applied;
  const { from, to } = applied.value.job;
  const ended = from !== to && (to === "Completed" || to === "Closed") ? to : null;
  return answer(ctx, scanOutcome.shippedBack(ctx.serial, jobOf(ctx, drive.jobId).name, ended));
}
