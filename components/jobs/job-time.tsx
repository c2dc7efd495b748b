import { SCAN_CARRIERS, carrierTrackingUrl, type Carrier } from "@/lib/domain/scan-codes.ts";

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
