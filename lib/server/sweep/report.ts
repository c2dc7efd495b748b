import "server-only";

/** One thing the sweep did, or was told it must not do, with the rule that asked for it. */
export type SweepEntry = {
  rule: string;
  action: string;
  jobId?: string | null;
  driveId?: string;
  incidentId?: string;
  /** What happened, in words for the log or the terminal. */
  detail: string;
};

export type SweepReport = {
  /** The instant the sweep judged every deadline against (ISO 8601). */
  now: string;
  /** False when another instance holds the sweep lock: nothing was looked at. */
  ran: boolean;
  skippedReason?: string;
  /** The jobs and incidents the due selection returned (each then judged by the domain). */
  checked: { jobs: number; incidents: number };
  /** How many batches of due items were selected (0: nothing was due). */
  batches: number;
  /** Changes written: each in the transaction of its batch (sweepJobBatch) or its own command. */
  applied: SweepEntry[];
  /** Due by the timers but refused by the domain when applied (e.g. the job moved on meanwhile). */
  refused: SweepEntry[];
  /** Unexpected failures of one job's or incident's command; the sweep went on with the others. */
  errors: SweepEntry[];
  /** Idempotency records past their retention, deleted (housekeeping.ts). */
  purgedIdempotencyRecords: number;
};

export function emptyReport(now: Date): SweepReport {
  return {
    now: now.toISOString(),
    ran: true,
    checked: { jobs: 0, incidents: 0 },
    batches: 0,
    applied: [],
    refused: [],
    errors: [],
    purgedIdempotencyRecords: 0,
  };
}

/** Merge the outcome of one job's or incident's command into the sweep's report. */
export function absorb(report: SweepReport, part: Pick<SweepReport, "applied" | "refused">) {
  report.applied.push(...part.applied);
  report.refused.push(...part.refused);
}

/** A few lines for a terminal or a server log. */
export function formatReport(report: SweepReport): string {
  if (!report.ran) return `sweep at ${report.now}: skipped (${report.skippedReason ?? "?"})`;
  const lines = [
    `sweep at ${report.now}: checked ${report.checked.jobs} job(s), ${report.checked.incidents} incident(s); ` +
      `${report.applied.length} applied, ${report.refused.length} refused, ${report.errors.length} error(s)` +
      (report.purgedIdempotencyRecords
        ? `; ${report.purgedIdempotencyRecords} old idempotency record(s) deleted`
        : ""),
  ];
  const line = (tag: string, e: SweepEntry) =>
    `  ${tag} ${e.rule} ${e.action}${e.jobId ? ` job=${e.jobId}` : ""}${e.driveId ? ` drive=${e.driveId}` : ""}${e.incidentId ? ` incident=${e.incidentId}` : ""}: ${e.detail}`;
  for (const e of report.applied) lines.push(line("+", e));
  for (const e of report.refused) lines.push(line("-", e));
  for (const e of report.errors) lines.push(line("!", e));
  return lines.join("\n");
}
