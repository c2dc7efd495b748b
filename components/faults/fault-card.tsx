"use client";

import Link from "next/link";
import { useState } from "react";
import { ContactForm } from "@/components/faults/contact-form";
import { ResolveFaultForm } from "@/components/faults/resolve-fault-form";
import { ListAnnouncement, useListAnnouncement } from "@/components/ui/form-submission";
import { Time } from "@/components/ui/time";
import type { FaultView } from "@/lib/views/queues.ts";
import { ContactResultText } from "./contact-result-text";

/** What the page knows when the id is no longer Faulted: what it is and where it is now. */
export type NotFaulted = { kind: "job" | "drive"; label: string; state: string; jobId: string };

/**
 * One fault's page (R-F2, R-F3): the fault, the customer's contact, the attempts so far, and the
 * forms. Once resolved the forms go and the page says so at the top, where the focus goes; the
 * same component stays mounted, so the answer survives the page's re-render.
 */
export function FaultPage({ item, gone }: { item: FaultView | null; gone: NotFaulted | null }) {
  const { message, region, announce } = useListAnnouncement();
  // The card (and its resolve form) stays until the form has said how its submission ended: the
  // server's new render (no longer Faulted) can arrive before the form's answer is read.
  const [last, setLast] = useState(item);
  const [answered, setAnswered] = useState(false);
  if (item && item !== last) setLast(item);
  const shown = item ?? (answered ? null : last);
  const onResolved = (said: string) => {
    announce(said);
    setAnswered(true);
  };
  return (
    <div className="space-y-4">
      <ListAnnouncement ref={region} message={message} />
      {shown ? (
        <FaultCard item={shown} onResolved={onResolved} />
      ) : gone ? (
        <section aria-labelledby="fault-heading" className="space-y-2">
          <h1 id="fault-heading" className="text-2xl font-bold">
            {gone.kind === "job" ? "Job " : "Drive "}
            <span className="font-mono">{gone.label}</span>
          </h1>
          <p className="text-slate-700">
            Not Faulted: it is {gone.state} now.{" "}
            <Link href={`/jobs/${gone.jobId}`} className="text-blue-800 underline">
              Open its job
            </Link>
            .
          </p>
        </section>
      ) : null}
    </div>
  );
}

function FaultCard({ item, onResolved }: { item: FaultView; onResolved: (m: string) => void }) {
  const label = item.kind === "job" ? `job ${item.jobName}` : `drive ${item.serial}`;
  const { customer, lastContact } = item;
  return (
    <section aria-labelledby="fault-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 id="fault-heading" className="text-2xl font-bold">
          {item.kind === "job" ? "Job " : "Drive "}
          <span className="font-mono">{item.kind === "job" ? item.jobName : item.serial}</span>
        </h1>
        <p className="text-sm text-slate-800">
          Faulted <Time at={item.since} relative /> (since <Time at={item.since} />)
        </p>
      </div>
      <div className="space-y-3 rounded-lg border border-slate-300 bg-white p-4">
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
                  <ContactResultText
                    result={lastContact.result}
                    waitUntil={lastContact.waitUntil}
                  />
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
      </div>
    </section>
  );
}
