/** The simulator's console lines that sum a copy or a run up. */
import type { StationDriveReport } from "../validation/station-api.ts";
import { hasIssues, type CopyPlan } from "./copy-plan.ts";

export type SimulatorSummary = {
  started: number;
  resumed: number;
  completed: number;
  completedMoreInfo: number;
  /** Drives another station took first, or that the service refused to start. */
  skipped: number;
  /** Drives given up on (removed, faulted, or the server unreachable); left as they are. */
  abandoned: number;
  /** Drives left Transferring when the run was stopped; the next run resumes them. */
  interrupted: number;
  jobsPackaging: string[];
};

export function issues(plan: CopyPlan): string {
  if (!hasIssues(plan.outcome)) return "";
  const { errorCount, warningCount, overwrittenBlobCount } = plan.outcome;
  const parts = [
    errorCount ? `${errorCount} error(s)` : "",
    warningCount ? `${warningCount} warning(s)` : "",
    overwrittenBlobCount ? `${overwrittenBlobCount} blob(s) overwritten` : "",
  ].filter(Boolean);
  return ` (${parts.join(", ")}; see the error log)`;
}

export function finishedJob(report: StationDriveReport): string {
  return `${report.job.name} ${report.job.state}${report.job.state === "Packaging" ? ": every drive is done (R-J9)" : ""}`;
}

export function describeSummary(s: SimulatorSummary): string {
  const copied = s.completed + s.completedMoreInfo;
  return [
    `Done: ${copied} drive(s) copied (${s.completed} Completed, ${s.completedMoreInfo} CompletedMoreInfo)`,
    s.resumed ? `${s.resumed} resumed` : "",
    s.skipped ? `${s.skipped} taken by another station or refused` : "",
    s.abandoned ? `${s.abandoned} given up` : "",
    s.jobsPackaging.length ? `jobs now Packaging: ${s.jobsPackaging.join(", ")}` : "",
  ]
    .filter(Boolean)
    .join("; ")
    .concat(".");
}
