import "server-only";
import type { CommandResult } from "@/lib/server/command.ts";
import { scanOutcome, type ScanOutcome } from "@/lib/dock-outcomes.ts";
import { answer, type ScanContext } from "./context.ts";

const KINDS = {
  receive: ["drive.receive", "drive.extra", "drive.held"],
  shipBack: ["drive.shipBack"],
};

/** The drive is already where this scan would put it: nothing changes, and the answer says when and by whom. */
export function doubleScan(
  ctx: ScanContext,
  driveId: string,
  kind: "receive" | "shipBack",
): Promise<CommandResult<ScanOutcome>> {
  const last = ctx.facts.lastScans
    .filter((e) => e.driveId === driveId && KINDS[kind].includes(e.kind))
    .sort((a, b) => b.at.getTime() - a.at.getTime())[0];
  return answer(ctx, scanOutcome.duplicate(ctx.serial, kind, last ?? null));
}
