import "server-only";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import type { Db } from "@/lib/server/db.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import {
  appendEvent,
  done,
  fail,
  runCommand,
  updateVersioned,
  type CommandResult,
} from "@/lib/server/command.ts";
import type { SiteInput } from "@/lib/validation/sites.ts";

/**
 * Admins keep the datacenter sites customers ship to. A site is never deleted (its jobs keep its
 * address): it is closed, and then takes no new jobs and leaves the Locations list.
 */

const taken = (input: SiteInput) =>
  fail("invalid", `There is already a site called ${input.name} (code ${input.code}).`);

function columns(input: SiteInput) {
  return {
    code: input.code,
    name: input.name,
    recipientName: input.recipientName,
    streetAddress1: input.streetAddress1,
    streetAddress2: input.streetAddress2 ?? null,
    city: input.city,
    stateOrProvince: input.stateOrProvince,
    postalCode: input.postalCode,
    countryOrRegion: input.countryOrRegion,
    phone: input.phone ?? null,
    additionalShippingInformation: input.additionalShippingInformation ?? null,
    supportedCarriers: input.supportedCarriers,
  };
}

const isNameTaken = (e: unknown) =>
  e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";

export async function createSite(
  db: Db,
  actor: ActorRef,
  input: SiteInput,
  now: Date,
): Promise<CommandResult<{ id: string }>> {
  try {
    return await runCommand(db, async (tx) => {
      const clash = await tx.site.findFirst({
        where: { OR: [{ code: input.code }, { name: input.name }] },
      });
      if (clash) return taken(input);
      const site = await tx.site.create({ data: { ...columns(input), createdAt: now } });
      await appendEvent(tx, {
        actor,
        at: now,
        kind: "site.created",
        data: { siteId: site.id, code: site.code, name: site.name },
      });
      return done({ id: site.id });
    });
  } catch (e) {
    if (isNameTaken(e)) return taken(input);
    throw e;
  }
}

export async function updateSite(
  db: Db,
  actor: ActorRef,
  siteId: string,
  input: SiteInput,
  now: Date,
): Promise<CommandResult<{ id: string }>> {
  try {
    return await runCommand(db, async (tx) => {
      const site = await tx.site.findUnique({ where: { id: siteId } });
      if (!site) return fail("not_found", "There is no such site.");
      const clash = await tx.site.findFirst({
        where: { id: { not: siteId }, OR: [{ code: input.code }, { name: input.name }] },
      });
      if (clash) return taken(input);
      await updateVersioned(tx.site, "site", site, columns(input));
      await appendEvent(tx, {
        actor,
        at: now,
        kind: "site.updated",
        data: { siteId, code: input.code, name: input.name, was: site.name },
      });
      return done({ id: siteId });
    });
  } catch (e) {
    if (isNameTaken(e)) return taken(input);
    throw e;
  }
}

/** Close a site (no new jobs) or open it again. Asking for what holds already is "already done". */
export function setSiteActive(
  db: Db,
  actor: ActorRef,
  siteId: string,
  active: boolean,
  now: Date,
): Promise<CommandResult<{ name: string }>> {
  return runCommand(db, async (tx) => {
    const site = await tx.site.findUnique({ where: { id: siteId } });
    if (!site) return fail("not_found", "There is no such site.");
    if (site.active === active) {
      return fail("already_done", `${site.name} is already ${active ? "open" : "closed"}.`);
    }
    await updateVersioned(tx.site, "site", site, { active });
    await appendEvent(tx, {
      actor,
      at: now,
      kind: active ? "site.opened" : "site.closed",
      data: { siteId, code: site.code, name: site.name },
    });
    return done({ name: site.name });
  });
}
