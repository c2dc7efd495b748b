import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { ContactResultText } from "@/components/faults/contact-result-text";
import type { JobDetailContact } from "@/lib/views/jobs.ts";

const HEADERS = ["Time", "Channel", "By", "Drive", "Result", "Note"] as const;

/** Every attempt to reach the customer about this job (R-F2), newest first. */
export function JobContacts({ contacts }: { contacts: JobDetailContact[] }) {
  return (
    <section aria-labelledby="job-contacts" className="space-y-2">
      <h2 id="job-contacts" className="text-lg font-bold">
        Contact attempts <span className="font-normal text-slate-700">({contacts.length})</span>
      </h2>
      {contacts.length === 0 ? (
        <p className="text-slate-700">No contact attempts.</p>
      ) : (
        <Table id="job-contacts-caption" caption="Contact attempts, newest first" headers={HEADERS}>
          {contacts.map((c) => (
            <tr key={c.id} className="align-top">
              <th scope="row" className="px-3 py-2 font-normal">
                <Time at={c.at} />
              </th>
              <td className="px-3 py-2">{c.channel === "email" ? "Email" : "Phone"}</td>
              <td className="px-3 py-2 whitespace-nowrap">{c.byName}</td>
              <td className="px-3 py-2 font-mono whitespace-nowrap">{c.driveSerial ?? "—"}</td>
              <td className="px-3 py-2">
                <ContactResultText result={c.result} waitUntil={c.waitUntil} />
              </td>
              <td className="min-w-48 px-3 py-2">{c.outcome}</td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
