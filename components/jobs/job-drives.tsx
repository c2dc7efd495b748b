import Link from "next/link";
import { Table } from "@/components/ui/table";
import { TrackingNumber } from "@/components/jobs/job-time";
import { MaybeTime } from "@/components/ui/time";
import { KeyReveal } from "@/components/jobs/key-reveal";
import { StateBadge } from "@/components/jobs/state-badge";
import { Progress } from "@/components/ui/progress";
import { DRIVE_STATE_DESCRIPTIONS } from "@/lib/domain/states.ts";
import type { JobState } from "@/lib/domain/states.ts";
import type { JobDetailDrive } from "@/lib/views/jobs.ts";

const UNITS = ["B", "KB", "MB", "GB", "TB", "PB"] as const;

/** Bytes in decimal units, as drive makers and the copy stations count them. */
export function humanBytes(bytes: bigint): string {
  let value = Number(bytes);
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}

const AT_DOCK = new Set(["Received", "Transferring", "Completed", "CompletedMoreInfo", "Faulted"]);

function Tag({ children, tone }: { children: string; tone: string }) {
  return (
    <span className={`ml-2 rounded px-1.5 py-0.5 font-sans text-xs font-semibold ${tone}`}>
      {children}
    </span>
  );
}

// Ten columns that fit a 1920 px screen whole (the key column included); narrower screens scroll
// the table inside its own region, never the page.
const HEADERS = [
  "Drive",
  "State",
  "Complete",
  "Transferred",
  "Errors, warnings",
  "Logs",
  "Received",
  "Shipped back",
  "Packages",
  "BitLocker key",
] as const;

/**
 * The job's drives (R-G3, R-G4). The BitLocker key is never in the page: only "Hidden" is, and a
 * supervisor may reveal one drive's key on demand (a recorded action).
 */
export function JobDrives({
  jobId,
  drives,
  jobState,
  canRevealKeys,
}: {
  jobId: string;
  drives: JobDetailDrive[];
  jobState: JobState;
  canRevealKeys: boolean;
}) {
  return (
    <section aria-labelledby="job-drives" className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id="job-drives" className="text-lg font-bold">
          Drives <span className="font-normal text-slate-700">({drives.length})</span>
        </h2>
        {/* R-J9, R-D9: the drives are packed to go back. */}
        {jobState === "Packaging" && (
          <Link
            href={`/labels/jobs/${jobId}/packing-slip`}
            className="text-sm text-blue-800 underline hover:text-blue-950"
          >
            Print the return packing slip
          </Link>
        )}
      </div>
      {drives.length === 0 ? (
        <p className="text-slate-700">No drives yet.</p>
      ) : (
        <Table id="job-drives-caption" caption="Drives of this job" headers={HEADERS}>
          {drives.map((d) => (
            <tr key={d.id} className="align-top">
              <th scope="row" className="px-3 py-2 font-mono font-medium whitespace-nowrap">
                {d.serial}
                {d.extra && <Tag tone="bg-orange-100 text-orange-900">Extra</Tag>}
                {/* R-E1, R-E4: it left through its incident's outcome, not the dock. */}
                {d.disposal && (
                  <Tag tone="bg-slate-800 text-white">
                    {d.disposal === "Destroyed" ? "Destroyed" : "Returned by incident"}
                  </Tag>
                )}
                {/* R-E1: drives at the dock of a job still Creating wait until it is Shipping. */}
                {jobState === "Creating" && AT_DOCK.has(d.state) && (
                  <Tag tone="bg-slate-200 text-slate-900">Held</Tag>
                )}
                {/* R-E1, R-E5: a drive kept at the dock carries a printed label. */}
                {!d.disposal &&
                  d.state !== "ShippedBack" &&
                  (d.extra || (jobState === "Creating" && AT_DOCK.has(d.state))) && (
                    <Link
                      href={`/labels/drives/${d.id}`}
                      className="mt-1 block font-sans text-xs font-normal text-blue-800 underline hover:text-blue-950"
                    >
                      Print label<span className="sr-only"> of drive {d.serial}</span>
                    </Link>
                  )}
              </th>
              <td className="px-3 py-2">
                <StateBadge state={d.state} />
                <p className="mt-1 w-44 text-xs text-slate-700">
                  {DRIVE_STATE_DESCRIPTIONS[d.state]}
                  {d.state === "Faulted" && d.faultReason && (
                    <span className="block font-semibold text-red-900">{d.faultReason}</span>
                  )}
                </p>
              </td>
              <td className="px-3 py-2">
                <Progress value={d.percentComplete} label={`Drive ${d.serial} complete`} />
              </td>
              <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                {humanBytes(d.bytesTransferred)}
              </td>
              <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                {d.errorCount}
                <span aria-hidden="true">, </span>
                <span className="sr-only"> errors, </span>
                {d.warningCount}
                <span className="sr-only"> warnings</span>
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                {d.errorLogUri || d.verboseLogUri ? (
                  <ul>
                    {d.errorLogUri && (
                      <li>
                        <a className="text-blue-800 underline" href={d.errorLogUri}>
                          Error log<span className="sr-only"> of drive {d.serial}</span>
                        </a>
                      </li>
                    )}
                    {d.verboseLogUri && (
                      <li>
                        <a className="text-blue-800 underline" href={d.verboseLogUri}>
                          Verbose log<span className="sr-only"> of drive {d.serial}</span>
                        </a>
                      </li>
                    )}
                  </ul>
                ) : (
                  <span className="text-slate-600">None</span>
                )}
              </td>
              {/* Date and time on two lines: a timestamp column no wider than it must be. */}
              <td className="min-w-28 px-3 py-2 [&_time]:whitespace-normal">
                <MaybeTime at={d.receivedAt} />
              </td>
              <td className="min-w-28 px-3 py-2 [&_time]:whitespace-normal">
                <MaybeTime at={d.shippedBackAt} />
              </td>
              <td className="px-3 py-2">
                {d.inboundPackage || d.returnPackage ? (
                  <dl className="grid grid-cols-[auto_auto] gap-x-1">
                    {d.inboundPackage && (
                      <>
                        <dt className="text-slate-700">In</dt>
                        <dd>
                          <TrackingNumber {...d.inboundPackage} />
                        </dd>
                      </>
                    )}
                    {d.returnPackage && (
                      <>
                        <dt className="text-slate-700">Back</dt>
                        <dd>
                          <TrackingNumber {...d.returnPackage} />
                        </dd>
                      </>
                    )}
                  </dl>
                ) : (
                  "—"
                )}
              </td>
              {canRevealKeys ? (
                <td className="px-3 py-2">
                  <KeyReveal driveId={d.id} serial={d.serial} />
                </td>
              ) : (
                <td className="px-3 py-2 text-slate-700">Hidden</td>
              )}
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
