import { Time } from "@/components/ui/time";
import { StateBadge } from "@/components/jobs/state-badge";
import { isJobState } from "@/lib/domain/states.ts";
import type { JobDetailStep, TimelineCause } from "@/lib/views/jobs.ts";

function State({ value }: { value: string }) {
  return isJobState(value) ? <StateBadge state={value} /> : <span>{value}</span>;
}

const DRIVE_EVENT_WORDS: Readonly<Record<string, string>> = {
  receive: "received",
  markNeverReceived: "marked never received",
  startCopy: "started copying",
  finishCopy: "finished copying",
  shipBack: "shipped back",
  resolveFault: "taken out of Faulted",
  fault: "marked Faulted",
  destroyed: "destroyed",
  returned: "returned through its incident",
};

/** What moved the job: closing a package (R-D4), the 14-day timer (R-D5), or one drive's change. */
function Cause({ cause }: { cause: TimelineCause }) {
  switch (cause.kind) {
    case "packageClosed":
      return (
        <>
          closing package{" "}
          <span className="font-mono">
            {cause.carrier} {cause.trackingNumber}
          </span>{" "}
          (drives not in it: never received, R-D4)
        </>
      );
    case "packageOverdue":
      return <>the package 14 days late (R-D5)</>;
    case "drive":
      return (
        <>
          drive <span className="font-mono">{cause.serial}</span>
          {cause.event && DRIVE_EVENT_WORDS[cause.event] && <> {DRIVE_EVENT_WORDS[cause.event]}</>}
        </>
      );
  }
}

/** Every state the job has been in, oldest first: when, who moved it, and what caused it. */
export function JobTimeline({ steps }: { steps: JobDetailStep[] }) {
  return (
    <section aria-labelledby="job-timeline" className="space-y-2">
      <h2 id="job-timeline" className="text-lg font-bold">
        Timeline
      </h2>
      {steps.length === 0 ? (
        <p className="text-slate-700">No state changes recorded.</p>
      ) : (
        <ol aria-label="State changes, oldest first" className="border-l-2 border-slate-300 pl-4">
          {steps.map((s) => (
            <li key={s.id} className="relative pb-4 last:pb-0">
              <span
                aria-hidden="true"
                className="absolute top-1.5 -left-[1.4rem] h-2.5 w-2.5 rounded-full bg-slate-500"
              />
              <p className="flex flex-wrap items-center gap-2">
                {s.fromState ? (
                  <>
                    <State value={s.fromState} />
                    <span aria-hidden="true">→</span>
                    <span className="sr-only">to</span>
                  </>
                ) : (
                  <span className="text-sm text-slate-700">Created in</span>
                )}
                {s.toState && <State value={s.toState} />}
              </p>
              <p className="mt-1 text-sm text-slate-700">
                <Time at={s.at} /> · {s.actorLabel}
                {s.cause && (
                  <>
                    {" "}
                    · by <Cause cause={s.cause} />
                  </>
                )}
              </p>
              {s.reason && <p className="mt-1 text-sm text-slate-900">{s.reason}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
