import { StateBadge } from "@/components/jobs/state-badge";
import type { DockPackageView } from "@/lib/views/dock-floor.ts";

const IN_STATES = new Set([
  "Received",
  "Transferring",
  "Completed",
  "CompletedMoreInfo",
  "Faulted",
]);

/** Each job of the package with its drives: a check beside every drive already in (or out). */
export function ExpectedDrives({ view }: { view: DockPackageView }) {
  const inbound = view.direction === "Inbound";
  if (view.jobs.length === 0 && view.held.length === 0) {
    return (
      <p className="rounded-md border border-dashed border-slate-400 p-4 text-slate-800">
        {inbound
          ? "No job has this tracking number. Scan the drives anyway: each one is held and an incident is opened (R-E1)."
          : "Nothing in this return package yet. Scan the drives going into it."}
      </p>
    );
  }
  return (
    <div className="space-y-4">
      <h2 className="text-lg font-semibold">
        {inbound ? "Expected drives" : "Drives going back, listed and extra"}
      </h2>
      {view.jobs.map((job) => {
        // A held drive (its job not in Shipping yet, R-E1) is here, set aside: it counts as in.
        const held = (d: (typeof job.drives)[number]) =>
          inbound && d.inThisPackage && d.state === "Specified";
        const done = (d: (typeof job.drives)[number]) =>
          inbound ? IN_STATES.has(d.state) || held(d) : d.state === "ShippedBack";
        // Inbound: the job's list is what is expected. Return: every drive going back, extra ones
        // too (R-E5): the job ends only when the last of them is out.
        const counted = inbound ? job.drives.filter((d) => !d.extra) : job.drives;
        // Ship back: the drives still to go first, so the checklist reads as what is left to do.
        const shown = inbound
          ? job.drives
          : [...job.drives.filter((d) => !done(d)), ...job.drives.filter(done)];
        const toGo = counted.filter((d) => !done(d)).length;
        return (
          <section
            key={job.id}
            aria-labelledby={`job-${job.id}`}
            className="rounded-lg border border-slate-200 bg-white"
          >
            <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-3 py-2">
              <h3 id={`job-${job.id}`} className="font-mono font-semibold">
                {job.name}{" "}
                <span className="font-sans font-normal text-slate-700">· {job.customer}</span>
              </h3>
              <span className="flex items-center gap-2 text-sm">
                <span className="tabular-nums">
                  {counted.filter(done).length}/{counted.length} {inbound ? "in" : "out"}
                  {!inbound && (toGo > 0 ? ` · ${toGo} to go` : " · all out")}
                </span>
                <StateBadge state={job.state} />
              </span>
            </header>
            <ul aria-label={`Drives of ${job.name}`} className="divide-y divide-slate-100">
              {shown.map((d) => (
                <li key={d.id} className="flex items-center justify-between gap-2 px-3 py-1.5">
                  <span className="flex items-center gap-2">
                    <span
                      aria-hidden="true"
                      className={`w-5 text-center font-bold ${held(d) ? "text-amber-700" : done(d) ? "text-emerald-700" : "text-slate-400"}`}
                    >
                      {held(d) ? "!" : done(d) ? "✓" : "○"}
                    </span>
                    <span className="font-mono">{d.serial}</span>
                    <span className="sr-only">
                      {held(d)
                        ? "here, held"
                        : done(d)
                          ? inbound
                            ? "received"
                            : "shipped back"
                          : inbound
                            ? "not yet received"
                            : "still here"}
                    </span>
                    {held(d) && (
                      <span className="rounded bg-amber-100 px-1.5 text-xs font-semibold text-amber-950">
                        held
                      </span>
                    )}
                    {d.extra && (
                      <span className="rounded bg-orange-100 px-1.5 text-xs font-semibold text-orange-900">
                        extra
                      </span>
                    )}
                  </span>
                  <StateBadge state={d.state} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {view.held.length > 0 && (
        <section
          aria-labelledby="held-drives"
          className="rounded-lg border border-amber-400 bg-amber-50 p-3"
        >
          <h3 id="held-drives" className="font-semibold">
            Held drives (no job on record)
          </h3>
          <ul className="mt-1 font-mono">
            {view.held.map((d) => (
              <li key={d.id}>{d.serial}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
