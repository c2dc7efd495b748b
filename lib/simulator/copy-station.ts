/**
 * The copy-station simulator: N copy slots that take received drives from Dockside's copy queue,
 * start them (R-D6), report progress every few seconds and finish them Completed (R-D7) or, now
 * and then, CompletedMoreInfo with error counts and log URIs (R-D8), all over HTTP. Time, fetch,
 * randomness and logging are injected, so the scheduling is tested on a fake clock.
 */
import type { StationDrive } from "../validation/station-api.ts";
import {
  formatBytes,
  formatDuration,
  logUris,
  planCopy,
  progressAt,
  type CopyPlan,
} from "./copy-plan.ts";
import { stationClient, type ApiAnswer, type StationClient } from "./station-client.ts";
import { abortableSleep, retrier } from "./retry.ts";
import { describeSummary, finishedJob, issues, type SimulatorSummary } from "./report-lines.ts";

export type { SimulatorSummary };
export { abortableSleep, describeSummary };

export type SimulatorOptions = {
  baseUrl: string;
  key: string;
  /** Parallel copy slots. */
  stations: number;
  /** Time scale: 1 is the demo's pace (a drive in about 25 to 110 s), 20 is twenty times faster. */
  speed: number;
  /** The share of copies that end with issues (R-D8). */
  errorRate: number;
  /** Copy what is queued, then exit, rather than wait for more drives. */
  once: boolean;
  seed: number;
  /** Also take over drives left Transferring (a station restarted in the middle of a copy). */
  resume: boolean;
  /** Only this job's drives. */
  jobName?: string;
  /** Give up on a request after this many failed attempts (network errors, 5xx). */
  maxAttempts?: number;
};

export type SimulatorDeps = {
  fetch: typeof fetch;
  /** Milliseconds, as Date.now(). */
  now: () => number;
  /** Resolves after `ms`, or at once when the signal aborts. */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  log: (line: string) => void;
  /** A fresh id for this run's idempotency keys. */
  newId: () => string;
};

export const realDeps = (): SimulatorDeps => ({
  fetch: (...args) => fetch(...args),
  now: () => Date.now(),
  sleep: abortableSleep,
  log: (line) => console.log(line),
  newId: () => globalThis.crypto.randomUUID().slice(0, 8),
});

type Slot = { name: string; busy: boolean };

export async function runCopyStations(
  options: SimulatorOptions,
  deps: SimulatorDeps,
  signal: AbortSignal = new AbortController().signal,
): Promise<SimulatorSummary> {
  const client = stationClient({ baseUrl: options.baseUrl, key: options.key, fetch: deps.fetch });
  const runId = deps.newId();
  const started = deps.now();
  const clock = () => {
    const s = Math.max(0, Math.round((deps.now() - started) / 1000));
    return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
  };
  const log = (slot: string, text: string) => deps.log(`${clock()} ${slot.padEnd(5)} ${text}`);
  const summary: SimulatorSummary = {
    started: 0,
    resumed: 0,
    completed: 0,
    completedMoreInfo: 0,
    skipped: 0,
    abandoned: 0,
    interrupted: 0,
    jobsPackaging: [],
  };
  const slots: Slot[] = Array.from({ length: Math.max(1, options.stations) }, (_, i) => ({
    name: `CS-${i + 1}`,
    busy: false,
  }));
  const inFlight = new Map<string, Promise<void>>();
  const passedOver = new Set<string>();
  const pollMs = Math.max(250, Math.round(5_000 / options.speed));
  const retry = retrier(options.maxAttempts ?? 10, deps, signal, (text) => log("net", text));

  const launch = (slot: Slot, drive: StationDrive, resumed: boolean) => {
    slot.busy = true;
    const plan = planCopy(drive, options);
    const task = copyDrive({ slot, drive, plan, resumed })
      .catch((e: unknown) => {
        summary.abandoned++;
        log(slot.name, `${drive.driveId}: gave up (${e instanceof Error ? e.message : e})`);
      })
      .finally(() => {
        slot.busy = false;
        inFlight.delete(drive.id);
      });
    inFlight.set(drive.id, task);
  };

  async function copyDrive(task: {
    slot: Slot;
    drive: StationDrive;
    plan: CopyPlan;
    resumed: boolean;
  }): Promise<void> {
    const { slot, drive, plan } = task;
    const from = task.resumed ? drive.percentComplete : 0;
    const began = deps.now();
    let reports = 0;
    let milestone = Math.floor(from / 25);
    for (;;) {
      await deps.sleep(plan.reportEveryMs, signal);
      if (signal.aborted) {
        summary.interrupted++;
        return;
      }
      const at = progressAt(plan, deps.now() - began, from);
      if (at.done) break;
      const key = `${runId}-${drive.id}-p${++reports}`;
      const answer = await retry(`progress ${drive.driveId}`, () =>
        client.progress(
          drive.id,
          { percentComplete: at.percentComplete, bytesTransferred: at.bytesTransferred },
          key,
        ),
      );
      if (!answer) return void summary.interrupted++;
      if (!answer.ok) return abandon(slot, drive, answer);
      if (Math.floor(answer.value.percentComplete / 25) > milestone) {
        milestone = Math.floor(answer.value.percentComplete / 25);
        log(
          slot.name,
          `${drive.driveId}: ${answer.value.percentComplete}% (${formatBytes(at.bytesTransferred)} of ${formatBytes(plan.bytes)}); job ${drive.jobName} ${answer.value.job.state}`,
        );
      }
    }
    const { outcome } = plan;
    const answer = await retry(`finish ${drive.driveId}`, () =>
      client.finish(
        drive.id,
        {
          errorCount: outcome.errorCount,
          warningCount: outcome.warningCount,
          overwrittenBlobCount: outcome.overwrittenBlobCount,
          bytesTransferred: plan.bytes,
          ...logUris(drive.jobName, drive.driveId),
        },
        `${runId}-${drive.id}-finish`,
      ),
    );
    if (!answer) return void summary.interrupted++;
    if (!answer.ok) return abandon(slot, drive, answer);
    const done = answer.value;
    if (done.state === "CompletedMoreInfo") summary.completedMoreInfo++;
    else summary.completed++;
    log(slot.name, `${drive.driveId}: ${done.state}${issues(plan)}; job ${finishedJob(done)}`);
    if (done.job.state === "Packaging" && !summary.jobsPackaging.includes(done.job.name)) {
      summary.jobsPackaging.push(done.job.name);
    }
  }

  function abandon(
    slot: Slot,
    drive: StationDrive,
    refusal: Extract<ApiAnswer<never>, { ok: false }>,
  ) {
    summary.abandoned++;
    log(
      slot.name,
      `${drive.driveId}: stopped, ${refusal.status} ${refusal.code}: ${refusal.message}`,
    );
  }

  /** Take a queued drive: start it (R-D6); another station may have been faster (409). */
  async function take(slot: Slot, drive: StationDrive): Promise<void> {
    const answer = await retry(`start ${drive.driveId}`, () =>
      client.start(drive.id, `${runId}-${drive.id}-start`),
    );
    if (!answer) return;
    if (!answer.ok) {
      passedOver.add(drive.id);
      summary.skipped++;
      const who = answer.code === "AlreadyDone" ? "another station has it" : answer.message;
      log(slot.name, `${drive.driveId}: not started (${answer.status} ${answer.code}: ${who})`);
      return;
    }
    summary.started++;
    const plan = planCopy(drive, options);
    log(
      slot.name,
      `${drive.driveId}: started (${drive.jobType.toLowerCase()} job ${drive.jobName}, ${formatBytes(plan.bytes)} at ${Math.round(plan.rateBytesPerSecond / 1e6)} MB/s: ${formatDuration(plan.copySeconds * 1000)} in the datacenter, ${formatDuration(plan.realDurationMs)} here); job ${answer.value.job.state}`,
    );
    launch(slot, { ...drive, ...answer.value }, false);
  }

  const freeSlot = () => slots.find((s) => !s.busy);
  const queued = async (state: "Received" | "Transferring") => {
    // Without --once the stations outlive a server restart: the queue is asked for until it answers.
    const answer = await retry(
      `list ${state} drives`,
      () =>
        client.queue({ state, top: 200, ...(options.jobName ? { jobName: options.jobName } : {}) }),
      options.once ? undefined : Infinity,
    );
    if (!answer) return [];
    if (!answer.ok) throw new Error(`${answer.status} ${answer.code}: ${answer.message}`);
    return answer.value.filter((d) => !inFlight.has(d.id) && !passedOver.has(d.id));
  };

  deps.log(
    `Copy stations: ${slots.length} slot(s) against ${options.baseUrl}, speed ×${options.speed}, error rate ${Math.round(options.errorRate * 100)}%${options.jobName ? `, job ${options.jobName} only` : ""}${options.once ? ", until the queue is empty" : ""}.`,
  );
  const resuming = options.resume ? await queued("Transferring") : [];

  while (!signal.aborted) {
    for (let slot = freeSlot(); slot && resuming.length > 0; slot = freeSlot()) {
      const drive = resuming.shift()!;
      summary.resumed++;
      log(
        slot.name,
        `${drive.driveId}: resumed at ${drive.percentComplete}% (job ${drive.jobName})`,
      );
      launch(slot, drive, true);
    }
    let waiting = resuming.length;
    if (freeSlot()) {
      const candidates = await queued("Received");
      waiting += candidates.length;
      for (const drive of candidates) {
        const slot = freeSlot();
        if (!slot || signal.aborted) break;
        slot.busy = true; // held while the start request is out
        await take(slot, drive).finally(() => {
          if (!inFlight.has(drive.id)) slot.busy = false;
        });
      }
    }
    if (signal.aborted) break;
    if (inFlight.size === 0 && waiting === 0) {
      if (options.once) break;
      await deps.sleep(pollMs, signal);
      continue;
    }
    // Wait for a slot to come free, or for the next look at the queue; then drop the other timer.
    const nap = new AbortController();
    const wake = () => nap.abort();
    signal.addEventListener("abort", wake, { once: true });
    await Promise.race([...inFlight.values(), deps.sleep(pollMs, nap.signal)]);
    nap.abort();
    signal.removeEventListener("abort", wake);
  }
  await Promise.allSettled([...inFlight.values()]);
  if (signal.aborted && summary.interrupted > 0) {
    deps.log(
      `Stopped: ${summary.interrupted} drive(s) left Transferring; the next run resumes them.`,
    );
  }
  deps.log(describeSummary(summary));
  return summary;
}

export type { StationClient };
