import "server-only";
import type { Db } from "@/lib/server/db.ts";
import type { ApiKeyLists } from "@/lib/views/admin.ts";

/**
 * The API keys page: customer keys and copy-station keys, live ones first, newest first. Revoked
 * keys stay listed (who had access, and until when). The select names every column but the hash.
 */
export async function listApiKeys(database: Db): Promise<ApiKeyLists> {
  const rows = await database.apiKey.findMany({
    orderBy: [
      { revokedAt: { sort: "desc", nulls: "first" } },
      { createdAt: "desc" },
      { id: "asc" },
    ],
    select: {
      id: true,
      kind: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      customer: { select: { id: true, name: true } },
    },
  });
  return {
    customer: rows.filter((r) => r.kind === "customer"),
    station: rows.filter((r) => r.kind === "station"),
  };
}
