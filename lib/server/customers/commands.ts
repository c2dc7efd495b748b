import "server-only";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import type { Db } from "@/lib/server/db.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { appendEvent, done, fail, runCommand, type CommandResult } from "@/lib/server/command.ts";

export type NewCustomerInput = {
  name: string;
  contactName: string;
  contactEmail: string;
  contactPhone?: string | null;
};

const taken = (name: string) =>
  fail("invalid", `There is already a customer named ${name}: issue its keys from the list.`);

/**
 * An admin adds a customer, so that jobs and customer API keys can belong to it. Names are
 * unique regardless of case ("Contoso" and "contoso" are one customer to a person).
 */
export async function createCustomer(
  database: Db,
  actor: ActorRef,
  input: NewCustomerInput,
  now: Date,
): Promise<CommandResult<{ id: string; name: string }>> {
  const name = input.name.trim();
  const contactName = input.contactName.trim();
  const contactEmail = input.contactEmail.trim();
  const contactPhone = input.contactPhone?.trim() || null;
  if (!name) return fail("invalid", "Give the customer's name.");
  if (!contactName || !contactEmail) {
    return fail("invalid", "Give the name and email of the person to contact.");
  }
  try {
    return await runCommand(database, async (tx) => {
      const existing = await tx.customer.findFirst({
        where: { name: { equals: name, mode: "insensitive" } },
        select: { name: true },
      });
      if (existing) return taken(existing.name);
      const customer = await tx.customer.create({
        data: { name, contactName, contactEmail, contactPhone, createdAt: now },
      });
      await appendEvent(tx, {
        actor,
        at: now,
        kind: "customer.created",
        data: { customerId: customer.id, name, contactName, contactEmail, contactPhone },
      });
      return done({ id: customer.id, name });
    });
  } catch (e) {
    // Two admins adding the same name at once: the unique index decides, the loser is told.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return taken(name);
    throw e;
  }
}
