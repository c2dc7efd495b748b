import type { Metadata } from "next";
import { StateDiagram } from "@/components/diagrams/state-diagram";
import { JobStateDiagram } from "@/components/jobs/job-state-diagram";
import { CANCELLABLE_JOB_STATES } from "@/lib/domain/job-cancellation.ts";
import { orList } from "@/lib/domain/refusal-wording.ts";
import { driveDiagram } from "@/components/diagrams/state-layout.ts";
import {
  CREATING_TIMEOUT_DAYS,
  DESTRUCTION_DAYS,
  E1_CONTACT_DAYS,
  NEVER_RECEIVED_DAYS,
  OVERDUE_ANSWER_DAYS,
  RETENTION_DAYS,
  SHIPPING_NOTIFY_DAYS,
} from "@/lib/domain/timers.ts";
import { requirePage } from "@/lib/server/page-access.ts";

export const metadata: Metadata = { title: "Help" };

const drives = driveDiagram();

export default async function HelpPage() {
  await requirePage("jobs:read", "/help");

  return (
    <div className="max-w-5xl space-y-8">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">How jobs and drives move</h1>
        <p className="text-slate-700">
          These diagrams are drawn from the same transition tables the service uses to decide every
          change of state, so they always match what Dockside does. A job follows its drives: it
          becomes Received when they have all arrived (R-J7), Transferring once one is being copied
          (R-J8), Packaging when every copy has finished (R-J9), and Completed or Closed when all
          are shipped back (R-J10, R-J12). A drive is received out of its package (R-D3), copied
          (R-D6 to R-D8) and shipped back (R-D9). Anything that cannot progress normally goes to
          Faulted until a supervisor resolves it (R-F1 to R-F3).
        </p>
      </div>

      <section aria-labelledby="help-job" className="space-y-3">
        <h2 id="help-job" className="text-xl font-bold">
          Job life cycle
        </h2>
        <JobStateDiagram id="help-job-diagram" />
      </section>

      <section aria-labelledby="help-drive" className="space-y-3">
        <h2 id="help-drive" className="text-xl font-bold">
          Drive life cycle
        </h2>
        <StateDiagram
          id="help-drive-diagram"
          title="Drive life cycle"
          description="The states a drive moves through, from Specified down to Shipped back, with Never received and Faulted to the side."
          diagram={drives}
        />
      </section>

      <section aria-labelledby="help-cancel" className="space-y-2">
        <h2 id="help-cancel" className="text-xl font-bold">
          Cancelling a job
        </h2>
        <p className="text-slate-700">
          A job can be cancelled while it is {orList(CANCELLABLE_JOB_STATES)}, that is until its
          copy begins (R-J14, our choice: the rules say only “certain states”). A job cancelled in
          Creating closes at once; in Shipping it carries on, its drives are received but never
          copied, and go back; in Received the copy is skipped and its drives are packed to go back.
          A cancelled job always ends Closed, never Completed.
        </p>
      </section>

      <section aria-labelledby="help-timers" className="space-y-2">
        <h2 id="help-timers" className="text-xl font-bold">
          Timers
        </h2>
        <ul className="list-disc space-y-1 pl-5 text-slate-700">
          <li>
            A job left in Creating for {CREATING_TIMEOUT_DAYS} days is deleted; updating it restarts
            the count (R-J2, R-J3).
          </li>
          <li>
            Operators are told when drives have not arrived {SHIPPING_NOTIFY_DAYS} days after
            shipping (R-J6), and drives still expected {NEVER_RECEIVED_DAYS} days after the shipping
            information become Never received (R-D5).
          </li>
          <li>
            The customer has {OVERDUE_ANSWER_DAYS} days to answer about a missing package; then the
            job goes from Shipping to Closed (R-E2).
          </li>
          <li>Completed and Closed jobs are deleted after {RETENTION_DAYS} days (R-J11, R-J13).</li>
          <li>
            Drives that arrive for no job in Shipping are returned if the customer is not reached
            within {E1_CONTACT_DAYS} days; unreturnable drives of an unreachable customer are
            securely destroyed after {DESTRUCTION_DAYS} days (R-E1, R-E4).
          </li>
        </ul>
      </section>
    </div>
  );
}
