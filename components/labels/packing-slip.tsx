/* eslint-disable @next/next/no-img-element -- data: SVGs drawn on the server, nothing to optimise */
import { TrackingNumber } from "@/components/jobs/job-time";
import { ReturnAddressBlock } from "@/components/worklists/return-address";
import type { PackingSlip } from "@/lib/views/labels.ts";

/**
 * The slip packed with a job's drives going back (R-D9, R-D11): where to, by which carrier, and
 * every drive in the box as Code 128, so the customer's receiving dock can scan them in. Fits A4
 * and Letter.
 */
export function PackingSlipSheet({ slip }: { slip: PackingSlip }) {
  return (
    <article
      aria-labelledby="packing-slip-heading"
      className="mx-auto w-full max-w-[180mm] space-y-5 border border-slate-300 bg-white p-6 text-black print:max-w-none print:border-0 print:p-0"
    >
      <div className="space-y-1">
        <h1 id="packing-slip-heading" className="text-2xl font-bold">
          Return packing slip
        </h1>
        <p>
          Job <span className="font-mono break-all">{slip.jobName}</span> · {slip.customer}
        </p>
      </div>
      <div className="grid gap-5 sm:grid-cols-2 print:grid-cols-2">
        <section aria-labelledby="slip-address">
          <h2 id="slip-address" className="font-semibold">
            Ship to
          </h2>
          <ReturnAddressBlock address={slip.returnAddress} />
        </section>
        <section aria-labelledby="slip-carrier">
          <h2 id="slip-carrier" className="font-semibold">
            Carrier
          </h2>
          <p>{slip.returnCarrier ?? "No carrier chosen"}</p>
          {slip.returnCarrierAccount && (
            <p className="[overflow-wrap:anywhere]">Account {slip.returnCarrierAccount}</p>
          )}
          <h2 className="mt-2 font-semibold">Tracking number</h2>
          {slip.parcels.length > 0 ? (
            <ul>
              {slip.parcels.map((p) => (
                <li key={p.trackingNumber}>
                  <TrackingNumber carrier={p.carrier} trackingNumber={p.trackingNumber} />
                </li>
              ))}
            </ul>
          ) : (
            <p>
              Not yet assigned: written here when the parcel is packed{" "}
              <span aria-hidden="true">________________</span>
            </p>
          )}
        </section>
      </div>
      <section aria-labelledby="slip-drives" className="space-y-2">
        <h2 id="slip-drives" className="font-semibold">
          Drives in this box ({slip.drives.length})
        </h2>
        {slip.drives.length === 0 ? (
          <p>No drive of this job is at the datacenter.</p>
        ) : (
          <ol className="space-y-3">
            {slip.drives.map((d) => (
              <li key={d.serial} className="break-inside-avoid border-b border-slate-300 pb-2">
                <img
                  src={d.barcode.src}
                  alt={`Code 128 barcode of drive serial ${d.serial}`}
                  data-barcode={d.barcode.text}
                  className="h-auto w-full max-w-[120mm]"
                />
                <p className="font-mono font-bold break-all">
                  {d.serial}
                  {d.extra && <span className="font-sans font-normal"> (extra drive, R-D11)</span>}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
