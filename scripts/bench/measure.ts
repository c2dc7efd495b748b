/**
 * Measuring: a closed-loop load driver (N workers, each sending its next request when the last one
 * answered), latency percentiles, and CPU accounting from /proc, so that a run can say how much
 * processor time each request cost in the app server, in PostgreSQL and in the load generator.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

export type LoopResult = {
  /** Latency of each successful request, in milliseconds. */
  latencies: number[];
  failed: number;
  firstError?: string;
  elapsedMs: number;
};

/**
 * `workers` concurrent loops, each running `step(worker, i)` for i = 0.. perWorker - 1 one after
 * another, no think time. Bounded in count (perWorker) and in time (maxMs: a worker starts no new
 * request after it). A step that throws or returns a message counts as a failure.
 */
export async function closedLoop(options: {
  workers: number;
  perWorker: number;
  maxMs: number;
  step: (worker: number, i: number) => Promise<string | void>;
}): Promise<LoopResult> {
  const latencies: number[] = [];
  let failed = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + options.maxMs;
  const worker = async (w: number) => {
    for (let i = 0; i < options.perWorker && performance.now() < deadline; i++) {
      const t0 = performance.now();
      let problem: string | void;
      try {
        problem = await options.step(w, i);
      } catch (e) {
        problem = e instanceof Error ? e.message : String(e);
      }
      const ms = performance.now() - t0;
      if (problem) {
        failed++;
        firstError ??= problem;
      } else latencies.push(ms);
    }
  };
  await Promise.all(Array.from({ length: options.workers }, (_, w) => worker(w)));
  return { latencies, failed, firstError, elapsedMs: performance.now() - started };
}

/**
 * An open loop: `workers` operators, each starting a request every `periodMs` on a fixed schedule
 * (offsets spread evenly over the period) whether or not the last one has answered, for
 * `durationMs`. Latency is measured from each request's scheduled start, so a server that falls
 * behind shows it in the percentiles instead of slowing the load down.
 */
export async function openLoop(options: {
  workers: number;
  periodMs: number;
  durationMs: number;
  step: (worker: number, i: number) => Promise<string | void>;
}): Promise<LoopResult> {
  const latencies: number[] = [];
  let failed = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const perWorker = Math.floor(options.durationMs / options.periodMs);
  const inFlight: Promise<void>[] = [];
  const fire = async (w: number, i: number, scheduled: number) => {
    let problem: string | void;
    try {
      problem = await options.step(w, i);
    } catch (e) {
      problem = e instanceof Error ? e.message : String(e);
    }
    if (problem) {
      failed++;
      firstError ??= problem;
    } else latencies.push(performance.now() - scheduled);
  };
  const worker = async (w: number) => {
    const offset = (w * options.periodMs) / options.workers;
    for (let i = 0; i < perWorker; i++) {
      const scheduled = started + offset + i * options.periodMs;
      const wait = scheduled - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      inFlight.push(fire(w, i, scheduled));
    }
  };
  await Promise.all(Array.from({ length: options.workers }, (_, w) => worker(w)));
  await Promise.all(inFlight);
  return { latencies, failed, firstError, elapsedMs: performance.now() - started };
}

export type Stats = {
  n: number;
  failed: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
  /** Successful requests per second of wall time. */
  perSecond: number;
};

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

export function summarize(r: LoopResult): Stats {
  const sorted = [...r.latencies].sort((a, b) => a - b);
  return {
    n: sorted.length,
    failed: r.failed,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean: sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length),
    max: sorted[sorted.length - 1] ?? NaN,
    perSecond: (sorted.length / r.elapsedMs) * 1000,
  };
}

export function median(values: number[]): number {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

// ---------------------------------------------------------------------------------------------
// CPU accounting from /proc (Linux). Times are in clock ticks, converted to milliseconds.

const TICK_MS = (() => {
  try {
    return 1000 / Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim());
  } catch {
    return 10;
  }
})();

type ProcStat = { pid: number; ppid: number; comm: string; ticks: number; childTicks: number };

function readStat(pid: number): ProcStat | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = s.lastIndexOf(")");
    const comm = s.slice(s.indexOf("(") + 1, close);
    const f = s.slice(close + 2).split(" ");
    // After "(comm) ": state ppid ... utime(14) stime(15) cutime(16) cstime(17), 1-based overall.
    return {
      pid,
      ppid: Number(f[1]),
      comm,
      ticks: Number(f[11]) + Number(f[12]),
      childTicks: Number(f[13]) + Number(f[14]),
    };
  } catch {
    return null;
  }
}

function allProcesses(): ProcStat[] {
  const out: ProcStat[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const s = readStat(Number(name));
    if (s) out.push(s);
  }
  return out;
}

function machineTicks(): { busy: number; total: number } {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0]!;
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal guest guest_nice (guests are inside user/nice)
  const total = v.slice(0, 8).reduce((s, x) => s + x, 0);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  return { busy: total - idle, total };
}

export type CpuSample = {
  machineBusy: number;
  machineTotal: number;
  /** The app server and its child processes. */
  server: number;
  /** Each process named postgres, by pid (live backends: their own time). */
  postgres: Map<number, number>;
  /** Every process named postgres (with the time of the children they reaped). */
  postgresAll: number;
  /** This process: the load generator (and the plain-pg floor's client). */
  bench: number;
};

export function sampleCpu(serverPid: number | undefined): CpuSample {
  const procs = allProcesses();
  const children = new Map<number, ProcStat[]>();
  for (const p of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  let server = 0;
  if (serverPid !== undefined) {
    const stack = procs.filter((p) => p.pid === serverPid);
    while (stack.length) {
      const p = stack.pop()!;
      server += p.ticks;
      stack.push(...(children.get(p.pid) ?? []));
    }
  }
  const postgres = new Map<number, number>();
  let postgresAll = 0;
  for (const p of procs) {
    if (p.comm !== "postgres") continue;
    postgresAll += p.ticks + p.childTicks;
    postgres.set(p.pid, p.ticks * TICK_MS);
  }
  const usage = process.cpuUsage();
  const m = machineTicks();
  return {
    machineBusy: m.busy * TICK_MS,
    machineTotal: m.total * TICK_MS,
    server: server * TICK_MS,
    postgres,
    postgresAll: postgresAll * TICK_MS,
    bench: (usage.user + usage.system) / 1000,
  };
}

export type CpuCost = {
  /** CPU milliseconds per successful request, by process group. */
  serverMs: number;
  postgresMs: number;
  postgresOtherMs: number;
  benchMs: number;
  /** Share of the whole machine (all cores) that was busy during the window, 0..1. */
  machineBusy: number;
  /** Busy share of the machine not explained by the three groups above (other work). */
  otherBusy: number;
};

/**
 * CPU per request between two samples. `backends` are the PostgreSQL backends of the benchmark's
 * database (a backend that started during the window counts from zero).
 */
export function cpuCost(
  before: CpuSample,
  after: CpuSample,
  requests: number,
  backends: Set<number>,
): CpuCost {
  const n = Math.max(1, requests);
  const total = Math.max(1, after.machineTotal - before.machineTotal);
  let ours = 0;
  for (const pid of backends)
    ours += (after.postgres.get(pid) ?? 0) - (before.postgres.get(pid) ?? 0);
  const server = after.server - before.server;
  const all = after.postgresAll - before.postgresAll;
  const bench = after.bench - before.bench;
  const busy = after.machineBusy - before.machineBusy;
  return {
    serverMs: server / n,
    postgresMs: ours / n,
    postgresOtherMs: (all - ours) / n,
    benchMs: bench / n,
    machineBusy: busy / total,
    otherBusy: Math.max(0, busy - server - all - bench) / total,
  };
}
