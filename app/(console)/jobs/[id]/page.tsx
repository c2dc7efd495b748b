import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CancelJobForm, CancelNotAllowed } from "@/components/jobs/cancel-job-form";
import { JobContacts } from "@/components/jobs/job-contacts";
import { JobDrives } from "@/components/jobs/job-drives";
import { JobEvents } from "@/components/jobs/job-events";
import { JobFaultForms } from "@/components/jobs/job-fault-form";
import { JobFields } from "@/components/jobs/job-fields";
import { JobHeader } from "@/components/jobs/job-header";
import { JobStateDiagram } from "@/components/jobs/job-state-diagram";
import { JobIncidents } from "@/components/jobs/job-incidents";
import { JobTimeline } from "@/components/jobs/job-timeline";
import { JobDeliveries } from "@/components/notify/job-deliveries";
import { StatusLinkSection } from "@/components/jobs/status-link";
import {
  arrivalSummary,
  decideJobEvent,
  jobErrorReasons,
  percentComplete,
} from "@/lib/domain/index.ts";
import { can } from "@/lib/permissions.ts";
import { domainActor, type ActorRef } from "@/lib/server/actor.ts";
import { db } from "@/lib/server/db.ts";
import { faultableOnJob } from "@/lib/server/faults/queries.ts";
import { JOB_EVENTS_LIMIT, jobDetail } from "@/lib/server/jobs/queries.ts";
import { loadJob } from "@/lib/server/jobs/job-state.ts";
import { jobDeliveries } from "@/lib/server/notify/queries.ts";
import { requirePage } from "@/lib/server/page-access.ts";
import { activeStatusLink } from "@/lib/server/status-links/queries.ts";

// The title stays generic: metadata is rendered before the page checks the role.
export const metadata: Metadata = { title: "Job" };
// Always read the database at request time: this is a live operations view.
export const dynamic = "force-dynamic";

export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const access = await requirePage("jobs:read", `/jobs/${encodeURIComponent(id)}`);
  const detail = await jobDetail(db, id);
  if (!detail) notFound();
  // The deadlines' "days left" count from this request (lib/domain takes `now`, never the clock).
  const now = new Date();
  // R-F1: the fault forms show only to roles that may raise one, for what the domain allows now.
  const faultable = can(access.user.role, "faults:raise")
    ? await faultableOnJob(db, detail.job.id, domainActor(access.user.actor), now)
    : null;
  // R-J14: supervisors see the cancel form while the domain allows a cancel, else its reason why not.
  const cancel = can(access.user.role, "jobs:cancel")
    ? await cancelDecision(detail.job.id, access.user.actor, now)
    : null;
  // R-G2, R-J12, R-J7: the page's verdicts come from the domain's rules, on the drives as they are.
  const drives = detail.drives.map((d) => ({
    serial: d.serial,
    state: d.state,
    extra: d.extra,
    faultedFrom: d.faultedFrom,
    disposal: d.disposal,
    percent: d.percentComplete,
  }));
  const percent = percentComplete({ state: detail.job.state, drives });
  const errorReasons = jobErrorReasons({ ...detail.job, drives });

  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/jobs" className="text-blue-800 underline hover:text-blue-950">
          Jobs
        </Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page" className="font-mono">
          {detail.job.name}
        </span>
      </nav>
      <JobHeader job={detail.job} percent={percent} arrivals={arrivalSummary(drives)} />
      <div className="grid gap-8 lg:grid-cols-2">
        <JobFields job={detail.job} errorReasons={errorReasons} />
        <JobTimeline steps={detail.timeline} />
      </div>
      <JobDrives
        jobId={detail.job.id}
        drives={detail.drives}
        jobState={detail.job.state}
        canRevealKeys={can(access.user.role, "keys:reveal")}
      />
      {faultable && <JobFaultForms jobId={detail.job.id} {...faultable} />}
      {cancel?.ok && <CancelJobForm jobId={detail.job.id} jobName={detail.job.name} />}
      {cancel && !cancel.ok && <CancelNotAllowed reason={cancel.reason} />}
      {can(access.user.role, "statusLinks:manage") && (
        <StatusLinkSection
          jobId={detail.job.id}
          jobName={detail.job.name}
          active={await activeStatusLink(db, detail.job.id)}
        />
      )}
      <JobIncidents incidents={detail.incidents} now={now} />
      <JobContacts contacts={detail.contacts} />
      <JobDeliveries
        deliveries={await jobDeliveries(db, detail.job.id)}
        canResend={can(access.user.role, "faults:resolve")}
      />
      <JobEvents events={detail.events} total={detail.eventCount} limit={JOB_EVENTS_LIMIT} />
      <section aria-labelledby="life-cycle-heading" className="space-y-3">
        <h2 id="life-cycle-heading" className="text-xl font-semibold">
          Where the job stands in its life cycle
        </h2>
        <JobStateDiagram current={detail.job.state} />
      </section>
    </div>
  );
}

/** R-J14: whether this supervisor may cancel the job now, or the domain's sentence saying why not. */
async function cancelDecision(
  jobId: string,
  actor: ActorRef,
  now: Date,
): Promise<{ ok: true } | { ok: false; reason: string } | null> {
  const loaded = await loadJob(db, jobId);
  if (!loaded) return null;
  const d = decideJobEvent(
    loaded.snapshot,
    { type: "cancel", reason: "asked on the job page" },
    domainActor(actor),
    now,
  );
  return d.ok ? { ok: true } : { ok: false, reason: d.refusal.message };
}
