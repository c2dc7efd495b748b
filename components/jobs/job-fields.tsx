import type { ReactNode } from "react";
import { TrackingNumber } from "@/components/jobs/job-time";
import { MaybeTime, Time } from "@/components/ui/time";
import type { JobErrorReason } from "@/lib/domain/index.ts";
import type { JobDetailJob } from "@/lib/views/jobs.ts";

/** R-J12: why the job counts as having had errors, in the page's words. */
const ERROR_REASON_WORDS: Readonly<Record<JobErrorReason, string>> = {
  copyErrors: "a copy reported errors, or a drive was given up or sent back before its copy ended",
  neverReceived: "a listed drive never arrived",
  destroyed: "a listed drive was destroyed",
  cancelled: "the job was cancelled",
};

type Json = JobDetailJob["returnAddress"];

function text(value: Json | undefined): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

/** The stored return address (schema.prisma) as the lines of a label. */
function addressLines(address: Json): string[] {
  if (!address || typeof address !== "object" || Array.isArray(address)) return [];
  const a = address as Record<string, Json | undefined>;
  const cityLine = [text(a.city), text(a.stateOrProvince), text(a.postalCode)]
    .filter(Boolean)
    .join(" ");
  return [
    text(a.recipientName),
    text(a.streetAddress1),
    text(a.streetAddress2),
    cityLine || null,
    text(a.countryOrRegion),
    text(a.phone) && `Phone ${text(a.phone)}`,
    text(a.email) && `Email ${text(a.email)}`,
  ].filter((l): l is string => Boolean(l));
}

/**
 * An export job's blob list: a plain list of paths (prefixes end in "/"), or the Job API's
 * `{ blobPath, blobPathPrefix }`, whose prefixes are shown with a trailing "*".
 */
function blobList(list: Json): string[] {
  const strings = (v: unknown): string[] =>
    Array.isArray(v) ? v.filter((b): b is string => typeof b === "string") : [];
  if (Array.isArray(list)) return strings(list);
  if (list && typeof list === "object") {
    return [...strings(list.blobPath), ...strings(list.blobPathPrefix).map((p) => `${p}*`)];
  }
  return [];
}

/** Only the last four characters of a carrier account number are shown. */
function maskedAccount(account: string) {
  const last = account.slice(-4);
  return (
    <span className="font-mono">
      <span aria-hidden="true">••••</span>
      <span className="sr-only">ending in </span>
      {last}
    </span>
  );
}

const none = <span className="text-slate-600">Not set</span>;

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="border-t border-slate-200 py-2 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="font-semibold text-slate-800">{term}</dt>
      <dd className="mt-1 min-w-0 [overflow-wrap:anywhere] sm:col-span-2 sm:mt-0">{children}</dd>
    </div>
  );
}

const STATE_TIMES = [
  ["Creating timer started", "creatingTimerStartedAt"],
  ["Shipping information received", "shippingInfoAt"],
  ["Shipping", "shippingAt"],
  ["Received", "receivedAt"],
  ["Transferring", "transferringAt"],
  ["Packaging", "packagingAt"],
  ["Completed", "completedAt"],
  ["Closed", "closedAt"],
  ["Last state change", "stateChangedAt"],
] as const;

/** Every property of the job (Put Job and Update Job Properties), and when it entered each state. */
export function JobFields({
  job,
  errorReasons,
}: {
  job: JobDetailJob;
  /** The domain's verdict (jobErrorReasons): empty when the job had no errors (R-J12). */
  errorReasons: readonly JobErrorReason[];
}) {
  const address = addressLines(job.returnAddress);
  const blobs = blobList(job.exportBlobList);
  return (
    <section
      aria-labelledby="job-fields"
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="job-fields" className="text-lg font-bold">
        Details
      </h2>
      <dl className="mt-2 text-sm">
        <Item term="Customer">
          {job.customer.name} (contact {job.customer.contactName})
        </Item>
        <Item term="Type">{job.type}</Item>
        <Item term="Storage account">
          <span className="font-mono">{job.storageAccount}</span>
        </Item>
        <Item term="Log level">{job.logLevel}</Item>
        <Item term="Backup drive manifest">{job.backupDriveManifest ? "Yes" : "No"}</Item>
        <Item term="Had errors">
          {errorReasons.length === 0
            ? "No"
            : `Yes: ${errorReasons.map((r) => ERROR_REASON_WORDS[r]).join("; ")}. It ends Closed (R-J12).`}
        </Item>
        <Item term="Delivery package">
          {job.deliveryCarrier && job.deliveryTrackingNumber ? (
            <TrackingNumber
              carrier={job.deliveryCarrier}
              trackingNumber={job.deliveryTrackingNumber}
            />
          ) : (
            none
          )}
        </Item>
        <Item term="Ship date">
          {job.deliveryShipDate ? <Time at={job.deliveryShipDate} /> : none}
        </Item>
        <Item term="Drive count">{job.deliveryDriveCount ?? none}</Item>
        <Item term="Return address">
          {address.length ? (
            <address className="not-italic">
              {address.map((line, i) => (
                <span key={i} className="block">
                  {line}
                </span>
              ))}
            </address>
          ) : (
            none
          )}
        </Item>
        <Item term="Return shipping">
          {job.returnCarrier || job.returnCarrierAccount ? (
            <>
              {job.returnCarrier ?? "Carrier not set"}
              {job.returnCarrierAccount && <>, account {maskedAccount(job.returnCarrierAccount)}</>}
            </>
          ) : (
            none
          )}
        </Item>
        {job.type === "Export" && (
          <Item term="Export blob list">
            {blobs.length ? (
              <ul>
                {blobs.map((b) => (
                  <li key={b} className="font-mono">
                    {b}
                  </li>
                ))}
              </ul>
            ) : (
              none
            )}
          </Item>
        )}
        <Item term="Created">
          <Time at={job.createdAt} />
        </Item>
        <Item term="Updated">
          <Time at={job.updatedAt} />
        </Item>
        {STATE_TIMES.map(([term, key]) => (
          <Item key={key} term={term}>
            <MaybeTime at={job[key]} />
          </Item>
        ))}
      </dl>
    </section>
  );
}
