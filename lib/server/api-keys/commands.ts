import "server-only";
import type { ApiKeyKind } from "@/lib/generated/prisma/enums.ts";
import type { Db } from "@/lib/server/db.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { appendEvent, done, fail, runCommand, type CommandResult } from "@/lib/server/command.ts";
import { newApiKeySecret } from "@/lib/server/api-keys/secret.ts";

export type IssuedApiKey = { id: string; prefix: string; key: string };

/**
 * An admin issues a key: for one customer (the Job API, that customer's jobs only) or for a copy
 * station. The key is returned once, here; only its hash is kept.
 */
export function issueApiKey(
  database: Db,
  actor: ActorRef,
  input: { kind: ApiKeyKind; name: string; customerId?: string | null },
  now: Date,
): Promise<CommandResult<IssuedApiKey>> {
  return runCommand(database, async (tx) => {
    const name = input.name.trim();
    if (!name) return fail("invalid", "Give the key a name that says who uses it.");
    let customerId: string | null = null;
    if (input.kind === "customer") {
      if (!input.customerId) return fail("invalid", "Pick the customer this key is for.");
      const customer = await tx.customer.findUnique({ where: { id: input.customerId } });
      if (!customer) return fail("not_found", "There is no such customer.");
      customerId = customer.id;
    } else if (input.customerId) {
      return fail("invalid", "A copy-station key belongs to no customer.");
    }
    const secret = newApiKeySecret();
    const row = await tx.apiKey.create({
      data: {
        kind: input.kind,
        name,
        prefix: secret.prefix,
        keyHash: secret.keyHash,
        customerId,
        createdAt: now,
      },
    });
    await appendEvent(tx, {
      actor,
      at: now,
      kind: "apiKey.issued",
      data: { apiKeyId: row.id, kind: row.kind, name, prefix: row.prefix, customerId },
    });
    return done({ id: row.id, prefix: row.prefix, key: secret.key });
  });
}

/** Revoking is immediate and final: the next request with that key is refused. */
export function revokeApiKey(
  database: Db,
  actor: ActorRef,
  apiKeyId: string,
  now: Date,
): Promise<CommandResult<{ prefix: string }>> {
  return runCommand(database, async (tx) => {
    const row = await tx.apiKey.findUnique({ where: { id: apiKeyId } });
    if (!row) return fail("not_found", "There is no such API key.");
    // Compare-and-set: two admins revoking at once record one revocation.
    const { count } = await tx.apiKey.updateMany({
      where: { id: row.id, revokedAt: null },
      data: { revokedAt: now },
    });
    if (count === 0) return fail("already_done", `Key ${row.prefix} was already revoked.`);
    await appendEvent(tx, {
      actor,
      at: now,
      kind: "apiKey.revoked",
      data: { apiKeyId: row.id, kind: row.kind, name: row.name, prefix: row.prefix },
    });
    return done({ prefix: row.prefix });
  });
}
