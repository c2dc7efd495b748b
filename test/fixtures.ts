/** What the integration tests share: staff actors, a customer, a deliverable return address. */
import type { ActorRef } from "@/lib/server/actor.ts";
import type { Db } from "@/lib/server/db.ts";

export const ANA = {
  type: "user",
  id: "u-ana",
  label: "Ana Ruiz",
  role: "operator",
} as const satisfies ActorRef;
export const BEN = {
  type: "user",
  id: "u-ben",
  label: "Ben Okafor",
  role: "operator",
} as const satisfies ActorRef;
export const SAM = {
  type: "user",
  id: "u-sam",
  label: "Sam Keller",
  role: "supervisor",
} as const satisfies ActorRef;
export const STATION: ActorRef = { type: "station", id: "cs-01", label: "Copy station CS-01" };

/** Complete enough for R-J5. */
export const RETURN_ADDRESS = {
  recipientName: "Ana Bowman",
  streetAddress1: "1 Contoso Way",
  city: "Redmond",
  postalCode: "98052",
  countryOrRegion: "US",
  phone: "+1 425 555 0100",
};

/** A command's value, or the test fails with the command's own message. */
export function ok<T>(res: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!res.ok) throw new Error(res.error.message);
  return res.value;
}

/** A customer, and the customer acting through its API key. */
export async function createCustomer(db: Db, name = "Contoso") {
  const { id } = await db.customer.create({
    data: { name, contactName: "Ana Bowman", contactEmail: "storage@contoso.example" },
  });
  const actor: ActorRef = { type: "apiKey", id: `key-${id}`, label: name, customerId: id };
  return { customerId: id, customer: actor };
}

/**
 * A live server-side session for a test user, whose id is the user's id (one per user), so that
 * tests which replace `sessionIdentity` can name it without waiting for a database write.
 */
export async function openTestSession(db: Db, userId: string): Promise<void> {
  await db.userSession.upsert({
    where: { id: userId },
    create: { id: userId, userId, expiresAt: new Date(Date.now() + 86_400_000) },
    update: {},
  });
}

/** What `sessionIdentity()` answers for a test user's session (see openTestSession). */
export function testIdentity(userId: string, issuedAt = new Date()) {
  return { userId, sessionId: userId, issuedAt };
}
