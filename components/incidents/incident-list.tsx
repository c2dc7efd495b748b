import Link from "next/link";
import { ListAnnouncement, useListAnnouncement } from "@/components/ui/form-submission";
import { Countdown } from "@/components/incidents/countdown";
import { OutcomeForm } from "@/components/incidents/outcome-form";
import type { IncidentsPageData } from "@/lib/server/incidents/queries.ts";

type IncidentItem = IncidentsPageData["items"][number];

function Time({ at }: { at: string }) {
  return <time dateTime={at}>{at.slice(0, 16).replace("T", " ")} UTC</time>;
}

function IncidentCard({
  item,
  onResolved,
}: {
  item: IncidentItem;
  onResolved: (message: string) => void;
}) {
  const headingId = `incident-${item.id}`;
  const label = `${item.rule} ${item.job ? `job ${item.job.name}` : "with no job"}`;
  return (
    <li
      aria-labelledby={headingId}
      className="space-y-3 rounded-lg border border-slate-300 bg-white p-4"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={headingId} className="text-lg font-semibold">
          {item.rule}: {item.title}
          {item.job && (
            <>
              {" "}
              (<span className="font-mono">{item.job.name}</span>)
            </>
          )}
        </h3>
        <p className="text-sm text-slate-800">
          Opened <Time at={item.openedAt} />
        </p>
      </div>
      {item.status === "Open" && item.deadlines.length > 0 && (
        <ul aria-label="Deadlines" className="flex flex-wrap gap-2">
          {item.deadlines.map((d) => (
            <li key={d.label}>
              <Countdown label={d.label} at={d.at} days={d.daysLeft} />
            </li>
          ))}
        </ul>
      )}
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">Job</dt>
        <dd>
          {item.job ? (
            <Link href={`/jobs/${item.job.id}`} className="font-mono text-blue-800 underline">
              {item.job.name}
            </Link>
          ) : (
            "No job on record"
          )}
          {item.job && ` (${item.job.type}, ${item.job.state})`}
        </dd>
        <dt className="font-semibold">What happened</dt>
        <dd>{item.summary}</dd>
        <dt className="font-semibold">What to do</dt>
        <dd>{item.handling}</dd>
        <dt className="font-semibold">Contacts</dt>
        <dd>
          {item.contactCount === 0
            ? "No contact attempt yet"
            : `${item.contactCount} ${item.contactCount === 1 ? "attempt" : "attempts"}`}
        </dd>
        {item.returnFailedAt && (
          <>
            <dt className="font-semibold">Return failed</dt>
            <dd>
              <Time at={item.returnFailedAt} />: the drives came back; the destruction deadline now
              applies (R-E1).
            </dd>
          </>
        )}
        {item.resolvedAt && (
          <>
            <dt className="font-semibold">Resolved</dt>
            <dd>
              <Time at={item.resolvedAt} />: {item.resolution}
            </dd>
          </>
        )}
      </dl>
      {item.destructionRecordId && (
        <p>
          <Link
            href={`/incidents/${item.id}/certificate`}
            className="font-semibold text-blue-800 underline"
          >
            Destruction certificate<span className="sr-only"> for {label}</span>
          </Link>
        </p>
      )}
      {item.status === "Open" && (
        <OutcomeForm
          incidentId={item.id}
          label={label}
          canExtend={item.kind === "PackageOverdue"}
          hasJob={item.job !== null}
          disposals={item.disposals}
          canRecordReturnFailed={item.canRecordReturnFailed}
          addressOnRecord={item.addressCorrection?.onRecord ?? null}
          answerBy={item.deadlines.find((d) => d.label === "Answer by")?.at ?? null}
          onResolved={onResolved}
        />
      )}
    </li>
  );
}

/**
 * R-E1..R-E5: open incidents (nearest deadline first), then the recently resolved. Cards are keyed
 * by incident, so a refresh never remounts the form a supervisor is filling in.
 */
export function IncidentList({ items }: { items: IncidentItem[] }) {
  const open = items.filter((i) => i.status === "Open");
  const resolved = items.filter((i) => i.status !== "Open");
  // An outcome that resolves an incident takes its card (and its form) to the resolved list: the
  // answer is said there, and focus follows it.
  const { message, region, announce } = useListAnnouncement();
  return (
    <>
      <section aria-labelledby="open-incidents" className="space-y-3">
        <h2 id="open-incidents" className="text-xl font-semibold">
          Open
        </h2>
        {open.length === 0 ? (
          <p className="text-slate-700">No open incident.</p>
        ) : (
          <ol aria-label="Open incidents, nearest deadline first" className="space-y-4">
            {open.map((item) => (
              <IncidentCard key={item.id} item={item} onResolved={announce} />
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="resolved-incidents" className="space-y-3">
        <div>
          <h2 id="resolved-incidents" className="text-xl font-semibold">
            Recently resolved
          </h2>
          <ListAnnouncement ref={region} message={message} />
        </div>
        {resolved.length === 0 ? (
          <p className="text-slate-700">Nothing resolved yet.</p>
        ) : (
          <ol aria-label="Recently resolved incidents" className="space-y-4">
            {resolved.map((item) => (
              <IncidentCard key={item.id} item={item} onResolved={announce} />
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
