"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/server/db.ts";
import { fromCommand, protectedAction } from "@/lib/server/action.ts";
import { createSite, setSiteActive, updateSite } from "@/lib/server/sites/commands.ts";
import { SiteActiveInput, SiteInput, UpdateSiteInput } from "@/lib/validation/sites.ts";

const LOCATIONS_PAGE = "/admin/locations";

export const createSiteAction = protectedAction(
  "sites:manage",
  SiteInput,
  async (input, { user, now }) => {
    const result = await createSite(db, user.actor, input, now);
    if (result.ok) revalidatePath(LOCATIONS_PAGE);
    return fromCommand(result, () => `${input.name} is added: customers can ship to it now.`);
  },
);

export const updateSiteAction = protectedAction(
  "sites:manage",
  UpdateSiteInput,
  async ({ siteId, ...input }, { user, now }) => {
    const result = await updateSite(db, user.actor, siteId, input, now);
    if (result.ok) revalidatePath(LOCATIONS_PAGE);
    return fromCommand(result, () => `${input.name} is saved.`);
  },
);

export const setSiteActiveAction = protectedAction(
  "sites:manage",
  SiteActiveInput,
  async ({ siteId, active }, { user, now }) => {
    const result = await setSiteActive(db, user.actor, siteId, active, now);
    if (result.ok || result.error.code === "already_done") revalidatePath(LOCATIONS_PAGE);
    return fromCommand(result, ({ name }) =>
      active ? `${name} is open again.` : `${name} is closed: it takes no new jobs.`,
    );
  },
);
