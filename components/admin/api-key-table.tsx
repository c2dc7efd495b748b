import { ApiKeyRevoke } from "@/components/admin/api-key-revoke";
import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { ApiKeyRow } from "@/lib/views/admin.ts";

const masked = (prefix: string) => `dsk_${prefix}_…`;

/**
 * One kind of key (customer or copy station): live keys first, revoked ones greyed but listed.
 * Only the public prefix of a key is ever shown.
 */
export function ApiKeyTable({
  id,
  caption,
  keys,
  withCustomer,
  empty,
}: {
  id: string;
  caption: string;
  keys: ApiKeyRow[];
  withCustomer: boolean;
  empty: string;
}) {
  const headers = [
    "Name",
    ...(withCustomer ? ["Customer"] : []),
    "Key",
    "Created",
    "Last used",
    "Status",
    "Actions",
  ];
  return (
    <Table id={id} caption={caption} headers={headers}>
      {keys.length === 0 && (
        <tr>
          <td colSpan={headers.length} className="px-3 py-4 text-slate-700">
            {empty}
          </td>
        </tr>
      )}
      {keys.map((k) => (
        <tr key={k.id} className={k.revokedAt ? "bg-slate-50 text-slate-600" : undefined}>
          <th scope="row" className="px-3 py-2 font-medium">
            {k.name}
          </th>
          {withCustomer && <td className="px-3 py-2">{k.customer?.name ?? "—"}</td>}
          <td className="px-3 py-2 font-mono whitespace-nowrap">{masked(k.prefix)}</td>
          <td className="px-3 py-2 whitespace-nowrap">
            <Time at={k.createdAt} />
          </td>
          <td className="px-3 py-2 whitespace-nowrap">
            {k.lastUsedAt ? <Time at={k.lastUsedAt} /> : "never"}
          </td>
          <td className="px-3 py-2 whitespace-nowrap">
            {k.revokedAt ? (
              <span>
                <span className="font-semibold">Revoked</span> <Time at={k.revokedAt} />
              </span>
            ) : (
              <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900">
                Active
              </span>
            )}
          </td>
          <td className="px-3 py-2">
            <ApiKeyRevoke
              apiKeyId={k.id}
              label={`key ${k.name} (${masked(k.prefix)})`}
              revoked={k.revokedAt !== null}
            />
          </td>
        </tr>
      ))}
    </Table>
  );
}
