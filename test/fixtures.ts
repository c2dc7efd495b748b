/** What the integration tests share: staff actors, a customer, a deliverable return address. */
import type { ActorRef } from "@/lib/server/actor.ts";
import type { Db } from "@/lib/server/db.ts";
import { createJob, markJobShipping, updateJobProperties } from "@/lib/server/jobs/commands.ts";

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

export type ImportJobSpec = {
  name: string;
  serials: string[];
  /** The delivery package's tracking number (and its carrier, DHL unless given). */
  tracking: string;
  carrier?: string;
  storageAccount?: string;
  /** Extra drive fields (a BitLocker key) by serial. */
  drive?: (serial: string) => { bitLockerKey?: string };
  /** Leave the job in Creating, with its delivery package given (R-J5 not yet applied). */
  ship?: boolean;
};

/**
 * An import job as its customer makes it through the Job API: created with its drives, then given
 * its delivery package and return address, then moved to Shipping (R-J5) unless `ship` is false.
 */
export async function importJob(
  db: Db,
  owner: { customerId: string; customer: ActorRef },
  spec: ImportJobSpec,
  at: Date,
): Promise<{ id: string; name: string; tracking: string; serials: string[] }> {
  const { id } = ok(
    await createJob(
      db,
      owner.customer,
      {
        customerId: owner.customerId,
        name: spec.name,
        type: "Import",
        storageAccount: spec.storageAccount ?? "s",
        drives: spec.serials.map((serial) => ({ serial, ...spec.drive?.(serial) })),
      },
      at,
    ),
  );
  ok(
    await updateJobProperties(
      db,
      owner.customer,
      id,
      {
        deliveryPackage: { carrierName: spec.carrier ?? "DHL", trackingNumber: spec.tracking },
        returnAddress: RETURN_ADDRESS,
      },
      at,
    ),
  );
  if (spec.ship !== false) ok(await markJobShipping(db, owner.customer, id, at));
  return { id, name: spec.name, tracking: spec.tracking, serials: spec.serials };
}
