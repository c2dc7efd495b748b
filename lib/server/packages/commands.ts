import "server-only";
import type { PackageDirection } from "@/lib/generated/prisma/enums.ts";
import type { Db } from "@/lib/server/db.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { appendEvent, done, runCommand, type CommandResult } from "@/lib/server/command.ts";

/**
 * Record a physical package at the dock: an arriving one (Inbound) or one going back (Return).
 * Opening the same package twice answers with the one already open.
 */
export function openPackage(
  database: Db,
  actor: ActorRef,
  input: { direction: PackageDirection; carrier: string; trackingNumber: string },
  now: Date,
): Promise<CommandResult<{ id: string; alreadyOpen: boolean }>> {
  return runCommand(
    database,
    async (tx): Promise<CommandResult<{ id: string; alreadyOpen: boolean }>> => {
      const key = { direction: input.direction, trackingNumber: input.trackingNumber };
      const existing = await tx.package.findUnique({ where: { direction_trackingNumber: key } });
      if (existing) return done({ id: existing.id, alreadyOpen: true });
      const pkg = await tx.package.create({
        data: {
          ...key,
          carrier: input.carrier,
          openedAt: now,
          openedById: "id" in actor ? actor.id : null,
        },
      });
      await appendEvent(tx, {
        actor,
        at: now,
        kind: "package.opened",
        packageId: pkg.id,
        data: { ...key, carrier: input.carrier },
      });
      return done({ id: pkg.id, alreadyOpen: false });
    },
  );
}
