import Link from "next/link";
import { ContactForm } from "@/components/faults/contact-form";
import { ResolveFaultForm } from "@/components/faults/resolve-fault-form";
import type { FaultsPageData } from "@/lib/server/faults/queries.ts";
import { ContactResultText } from "./contact-result-text";

type FaultItem = FaultsPageData["items"][number];

function Time({ at }: { at: string }) {
  return <time dateTime={at}>{at.slice(0, 16).replace("T", " ")} UTC</time>;
}

function FaultCard({ item, onResolved }: { item: FaultItem; onResolved: (m: string) => void }) {
  const label = item.kind === "job" ? `job ${item.jobName}` : `drive ${item.serial}`;
  const headingId = `fault-${item.id}`;
  const { customer, lastContact } = item;
  return (
    <li
      aria-labelledby={headingId}
      className="space-y-3 rounded-lg border border-slate-300 bg-white p-4"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-lg font-semibold">
          {item.kind === "job" ? "Job " : "Drive "}
          <span className="font-mono">{item.kind === "job" ? item.jobName : item.serial}</span>
        </h2>
        <p className="text-sm text-slate-800">
          Faulted {item.ageDays === 1 ? "1 day" : `${item.ageDays} days`} ago (since{" "}
          <Time at={item.since} />)
        </p>
      </div>
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        {item.kind === "drive" && (
          <>
            <dt className="font-semibold">Job</dt>
            <dd>
              <Link href={`/jobs/${item.jobId}`} className="font-mono text-blue-800 underline">
                {item.jobName}
              </Link>
            </dd>
          </>
        )}
        <dt className="font-semibold">Reason</dt>
        <dd>{item.reason ?? "None given"}</dd>
        <dt className="font-semibold">Faulted from</dt>
        <dd>{item.faultedFrom ?? "Unknown"}</dd>
        <dt className="font-semibold">Customer</dt>
        <dd>
          {customer.name}: {customer.contactName},{" "}
          <a href={`mailto:${customer.contactEmail}`} className="text-blue-800 underline">
            {customer.contactEmail}
          </a>
          {customer.contactPhone && (
            <>
              ,{" "}
              <a href={`tel:${customer.contactPhone}`} className="text-blue-800 underline">
                {customer.contactPhone}
              </a>
            </>
          )}
        </dd>
        <dt className="font-semibold">Contacts</dt>
        <dd>
          {item.contactCount === 0 ? (
            "No contact attempt yet"
          ) : (
            <>
              {item.contactCount} {item.contactCount === 1 ? "attempt" : "attempts"}; last by{" "}
              {lastContact?.channel} on {lastContact && <Time at={lastContact.at} />}:{" "}
              {lastContact && (
                <ContactResultText result={lastContact.result} waitUntil={lastContact.waitUntil} />
              )}
              . {lastContact?.outcome}
            </>
          )}
        </dd>
      </dl>
      <div className="grid gap-4 md:grid-cols-2">
        <ContactForm
          jobId={item.jobId}
          driveId={item.kind === "drive" ? item.id : null}
          label={label}
        />
        <ResolveFaultForm
          kind={item.kind}
          id={item.id}
          label={label}
          targets={item.targets}
          onResolved={onResolved}
        />
      </div>
    </li>
  );
}

/**
 * R-F2, R-F3: every faulted job and drive, oldest first. Each card (and the forms in it) is keyed
 * by its item, so a refresh adds and removes cards without touching what is typed in the others.
 */
export function FaultsQueue({
  items,
  onResolved,
}: {
  items: FaultItem[];
  /** A resolved fault leaves the queue with its card: the queue says so and takes the focus. */
  onResolved: (message: string) => void;
}) {
  if (items.length === 0) return <p className="text-slate-700">Nothing is Faulted.</p>;
  return (
    <ol aria-label="Faults, oldest first" className="space-y-4">
      {items.map((item) => (
        <FaultCard key={`${item.kind}-${item.id}`} item={item} onResolved={onResolved} />
      ))}
    </ol>
  );
}
