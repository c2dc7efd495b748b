"use client";

import Link from "next/link";
import { useState } from "react";
import { ListAnnouncement, useListAnnouncement } from "@/components/ui/form-submission";
import { Countdown } from "@/components/incidents/countdown";
import { OutcomeForm } from "@/components/incidents/outcome-form";
import { Time } from "@/components/ui/time";
import type { IncidentView } from "@/lib/views/queues.ts";

/**
 * One incident's page (R-E1..R-E5): what happened, its deadlines counting down, its job and
 * customer, and the outcome form while it is open. An outcome that resolves it is said at the
 * top, where the focus goes.
 */
export function IncidentCard({ item }: { item: IncidentView }) {
  const label = `${item.rule} ${item.job ? `job ${item.job.name}` : "with no job"}`;
  const { message, region, announce } = useListAnnouncement();
  // The form stays until it has said how its submission ended: the server's new render (the
  // incident now Resolved) can arrive before the form's answer is read, and unmounting it then
  // would lose the sentence and leave focus nowhere.
  const [formShown, setFormShown] = useState(item.status === "Open");
  const onResolved = (said: string) => {
    announce(said);
    setFormShown(false);
  };
  return (
    <section aria-labelledby="incident-heading" className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 id="incident-heading" className="text-2xl font-bold">
          {item.rule}: {item.title}
          {item.job && (
            <>
              {" "}
              (<span className="font-mono">{item.job.name}</span>)
            </>
          )}
        </h1>
        <p className="text-sm text-slate-800">
          {item.status === "Open" ? "Open" : "Resolved"} · opened{" "}
          <Time at={item.openedAt} relative /> (<Time at={item.openedAt} />)
        </p>
      </div>
      <ListAnnouncement ref={region} message={message} />
      <div className="space-y-3 rounded-lg border border-slate-300 bg-white p-4">
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
          <dt className="font-semibold">Customer</dt>
          <dd>{item.customer?.name ?? "Unknown"}</dd>
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
                <Time at={item.returnFailedAt} />: the drives came back; the destruction deadline
                now applies (R-E1).
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
        {formShown && (
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
      </div>
    </section>
  );
}
