import { SCAN_CARRIERS, carrierTrackingUrl, type Carrier } from "@/lib/domain/scan-codes.ts";

const utc = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** An instant as UTC text, machine-readable through `dateTime`. */
export function UtcTime({ at }: { at: Date }) {
  return (
    <time dateTime={at.toISOString()} className="whitespace-nowrap">
      {utc.format(at)} UTC
    </time>
  );
}

/** An instant that may be missing, with a dash for "not yet". */
export function MaybeTime({ at }: { at: Date | null }) {
  return at ? <UtcTime at={at} /> : <span className="text-slate-600">—</span>;
}

function isCarrier(name: string): name is Carrier {
  return (SCAN_CARRIERS as readonly string[]).includes(name);
}

/** A tracking number, linked to the carrier's tracking page when we know the carrier. */
export function TrackingNumber({
  carrier,
  trackingNumber,
  showCarrier = true,
}: {
  carrier: string;
  trackingNumber: string;
  showCarrier?: boolean;
}) {
  const number = isCarrier(carrier) ? (
    <a
      href={carrierTrackingUrl(carrier, trackingNumber)}
      target="_blank"
      rel="noreferrer noopener"
      className="font-mono text-blue-800 underline hover:text-blue-950"
    >
      {trackingNumber}
      <span className="sr-only"> (opens the {carrier} tracking page in a new tab)</span>
    </a>
  ) : (
    <span className="font-mono">{trackingNumber}</span>
  );
  return (
    <span className="whitespace-nowrap">
      {showCarrier && <>{carrier} </>}
      {number}
    </span>
  );
}
