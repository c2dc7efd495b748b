import "server-only";
import { can } from "@/lib/permissions.ts";
import type { Db } from "@/lib/server/db.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { appendEvent, done, fail, runCommand, type CommandResult } from "@/lib/server/command.ts";

export type RevealedKey = { key: string; serial: string; jobId: string | null };

/**
 * Reveal one drive's BitLocker key to a supervisor. The only read of `bitLockerKey` outside the
 * seed and the commands that write it: it selects that one drive's key and records who saw it
 * ("drive.keyRevealed") in the same transaction, so no key leaves the database unrecorded. The
 * event names the drive, never the key.
 */
export function revealBitLockerKey(
  db: Db,
  actor: ActorRef,
  driveId: string,
  now: Date,
): Promise<CommandResult<RevealedKey>> {
  return runCommand(db, async (tx) => {
    // The action checks the role too; a command called from elsewhere must not skip it.
    if (actor.type !== "user" || !can(actor.role, "keys:reveal")) {
      return fail("forbidden", "Only a supervisor can reveal a BitLocker key.");
    }
    const drive = await tx.drive.findUnique({
      where: { id: driveId },
      select: { id: true, serial: true, jobId: true, bitLockerKey: true },
    });
    if (!drive) return fail("not_found", "There is no such drive.");
    if (!drive.bitLockerKey) {
      return fail("not_found", `Drive ${drive.serial} has no BitLocker key on record.`);
    }
    await appendEvent(tx, {
      actor,
      at: now,
      kind: "drive.keyRevealed",
      driveId: drive.id,
      jobId: drive.jobId,
      data: { serial: drive.serial },
    });
    return done({ key: drive.bitLockerKey, serial: drive.serial, jobId: drive.jobId });
  });
}
