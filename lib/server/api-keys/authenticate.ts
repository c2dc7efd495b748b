import "server-only";
import type { ApiKeyKind } from "@/lib/generated/prisma/enums.ts";
import type { Db } from "@/lib/server/db.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { apiKeyMatches, apiKeyPrefix } from "@/lib/server/api-keys/secret.ts";

export type ApiCaller =
  | { ok: true; actor: Extract<ActorRef, { type: "apiKey" | "station" }> }
  | { ok: false; status: 401 | 403; code: string; message: string };

/** `lastUsedAt` is a hint for admins, not an audit trail: write it at most once a minute. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Who calls the API: the bearer key (`Authorization: Bearer dsk_...`, or the `x-api-key` header)
 * of a live key of the expected kind. Customer keys act for their customer only; station keys
 * for copy stations only. Every failure answers the same way, so a caller learns nothing about
 * which keys exist.
 */
export async function authenticateApiKey(
  db: Db,
  request: Request,
  kind: ApiKeyKind,
  now: Date,
): Promise<ApiCaller> {
  const key = presentedKey(request);
  const unauthenticated = {
    ok: false,
    status: 401,
    code: "Unauthenticated",
    message: key
      ? "The API key is not valid, or it was revoked."
      : "Send an API key: `Authorization: Bearer <key>`.",
  } as const;
  const prefix = key ? apiKeyPrefix(key) : null;
  if (!key || !prefix) return unauthenticated;
  const row = await db.apiKey.findUnique({ where: { prefix } });
  if (!row || row.revokedAt || !apiKeyMatches(key, row.keyHash)) return unauthenticated;
  if (row.kind !== kind) {
    return {
      ok: false,
      status: 403,
      code: "Forbidden",
      message:
        kind === "station"
          ? "This endpoint is for copy stations; a customer key cannot use it."
          : "This endpoint is for customers; a copy-station key cannot use it.",
    };
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiKey.updateMany({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  if (row.kind === "customer") {
    if (!row.customerId) return unauthenticated;
    return {
      ok: true,
      actor: { type: "apiKey", id: row.id, label: row.name, customerId: row.customerId },
    };
  }
  return { ok: true, actor: { type: "station", id: row.id, label: row.name } };
}

function presentedKey(request: Request): string | null {
  const auth = request.headers.get("authorization");
  const bearer = auth?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  return bearer ?? request.headers.get("x-api-key")?.trim() ?? null;
}
