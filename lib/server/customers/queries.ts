import "server-only";
import type { Db } from "@/lib/server/db.ts";
import type { CustomerRow } from "@/lib/views/admin.ts";

/** The customers of the API keys page, by name, with how many jobs and live keys each has. */
export async function listCustomers(database: Db): Promise<CustomerRow[]> {
  const rows = await database.customer.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      contactName: true,
      contactEmail: true,
      contactPhone: true,
      _count: { select: { jobs: true, apiKeys: { where: { revokedAt: null } } } },
    },
  });
  return rows.map(({ _count, ...c }) => ({
    ...c,
    jobs: _count.jobs,
    activeApiKeys: _count.apiKeys,
  }));
}

/** Every customer's id and name, A to Z: the lists' customer filter offers them. */
export async function customerOptions(database: Db): Promise<{ id: string; name: string }[]> {
  return database.customer.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}
