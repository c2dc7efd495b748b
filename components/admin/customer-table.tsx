import { Table } from "@/components/ui/table";
import type { CustomerRow } from "@/lib/views/admin.ts";

/** The customers, with whom to contact and how many jobs and live API keys each has. */
export function CustomerTable({ id, customers }: { id: string; customers: CustomerRow[] }) {
  return (
    <Table id={id} caption="Customers" headers={["Name", "Contact", "Jobs", "Active keys"]}>
      {customers.length === 0 && (
        <tr>
          <td colSpan={4} className="px-3 py-4 text-slate-700">
            No customers yet.
          </td>
        </tr>
      )}
      {customers.map((c) => (
        <tr key={c.id}>
          <th scope="row" className="px-3 py-2 font-medium">
            {c.name}
          </th>
          <td className="px-3 py-2">
            <span className="block">{c.contactName}</span>
            <a
              href={`mailto:${c.contactEmail}`}
              className="block w-fit py-0.5 leading-6 text-blue-800 underline hover:text-blue-950"
            >
              {c.contactEmail}
            </a>
            {c.contactPhone && (
              <a
                href={`tel:${c.contactPhone.replace(/[^+0-9]/g, "")}`}
                className="block w-fit py-0.5 leading-6 text-blue-800 underline hover:text-blue-950"
              >
                {c.contactPhone}
              </a>
            )}
          </td>
          <td className="px-3 py-2 tabular-nums">{c.jobs}</td>
          <td className="px-3 py-2 tabular-nums">{c.activeApiKeys}</td>
        </tr>
      ))}
    </Table>
  );
}
