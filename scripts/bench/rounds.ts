/**
 * The measured phases: a phase runs one kind of scan in a closed loop and charges it its CPU; the
 * rounds alternate the app and the floor; the breakdown takes the app's path apart.
 */
import pg from "pg";
import { backendPids } from "./database.ts";
import { request } from "./http.ts";
import type { CommandWorker, Operator, Scans } from "./loops.ts";
import {
  closedLoop,
  cpuCost,
  openLoop,
  sampleCpu,
  summarize,
  type CpuCost,
  type LoopResult,
  type Stats,
} from "./measure.ts";
import { log, ms, step } from "./report.ts";

/** The size of a run, from the command line. */
export type Load = {
  jobs: number;
  operators: number;
  rounds: number;
  scans: number;
  warmup: number;
  solo: number;
  phaseMs: number;
  /** False with --no-breakdown or --cpu-prof. */
  breakdown: boolean;
  /** Scans per worker of the in-process command: it is one line of the breakdown, not a round. */
  commandScans: number;
  /** The open-loop phase: each operator scans once a second for this long (0: skipped). */
  openLoopSeconds: number;
};

export type PhaseResult = { name: string; stats: Stats; cpu: CpuCost; firstError?: string };

/** Runs phases, charging each the CPU of the server, the bench's backends and this process. */
export class Phases {
  /** Scans answered as received, to check against the events in the database. */
  received = 0;

  constructor(
    private readonly serverPid: number | undefined,
    private readonly admin: pg.Client,
    private readonly maxMs: number,
  ) {}

  run(
    name: string,
    workers: number,
    perWorker: number,
    body: (w: number, i: number) => Promise<string | void>,
    counts = false,
  ): Promise<PhaseResult> {
    return this.measure(name, workers * perWorker, counts, () =>
      closedLoop({ workers, perWorker, maxMs: this.maxMs, step: body }),
    );
  }

  /** Each worker starts one request a second, on schedule, for `seconds` (an open loop). */
  runOpen(
    name: string,
    workers: number,
    seconds: number,
    body: (w: number, i: number) => Promise<string | void>,
  ): Promise<PhaseResult> {
    return this.measure(name, workers * seconds, true, () =>
      openLoop({ workers, periodMs: 1000, durationMs: seconds * 1000, step: body }),
    );
  }

  private async measure(
    name: string,
    planned: number,
    counts: boolean,
    loop: () => Promise<LoopResult>,
  ): Promise<PhaseResult> {
    const before = sampleCpu(this.serverPid);
    const result = await loop();
    // Read after the loop, so that backends the pools opened during it are charged too.
    const pids = await backendPids(this.admin);
    const after = sampleCpu(this.serverPid);
    const stats = summarize(result);
    if (counts) this.received += stats.n;
    if (result.failed)
      log(`  ! ${name}: ${result.failed} failed; the first: ${result.firstError ?? "?"}`);
    if (stats.n + result.failed < planned)
      log(`  ! ${name}: stopped at the ${this.maxMs / 1000} s limit (--phase-seconds)`);
    return {
      name,
      stats,
      cpu: cpuCost(before, after, stats.n, pids),
      firstError: result.firstError,
    };
  }
}

/** Warm-up, then the rounds, app and floor in turns so that drift on the machine hits both. */
export async function measureRounds(
  load: Load,
  phases: Phases,
  scan: Scans,
  operators: Operator[],
): Promise<{ appRounds: PhaseResult[]; floorRounds: PhaseResult[] }> {
  const { operators: n, scans: perWorker } = load;
  const appScan = (w: number) => scan.app(operators[w]!);
  step(`Warming up (${load.warmup} scans per operator, app and floor)`);
  if (load.warmup > 0) {
    await phases.run("warm-up app", n, load.warmup, appScan, true);
    await phases.run("warm-up floor", n, load.warmup, scan.floor, true);
  }

  step(`Measuring: ${load.rounds} rounds, ${n} concurrent loops, ${perWorker} scans each`);
  const appRounds: PhaseResult[] = [];
  const floorRounds: PhaseResult[] = [];
  for (let r = 1; r <= load.rounds; r++) {
    const doApp = async () =>
      appRounds.push(await phases.run(`app   round ${r}`, n, perWorker, appScan, true));
    const doFloor = async () =>
      floorRounds.push(await phases.run(`floor round ${r}`, n, perWorker, scan.floor, true));
    if (r % 2) {
      await doApp();
      await doFloor();
    } else {
      await doFloor();
      await doApp();
    }
    const a = appRounds[appRounds.length - 1]!.stats;
    const f = floorRounds[floorRounds.length - 1]!.stats;
    log(
      `  round ${r}: app p95 ${ms(a.p95)} ms, ${a.perSecond.toFixed(0)}/s; floor p95 ${ms(f.p95)} ms, ${f.perSecond.toFixed(0)}/s`,
    );
  }
  return { appRounds, floorRounds };
}

/**
 * The dock as people use it: every operator scans once a second (an open loop, latency from each
 * scan's scheduled time), for load.openLoopSeconds.
 */
export async function measureOpenLoop(
  load: Load,
  phases: Phases,
  scan: Scans,
  operators: Operator[],
): Promise<PhaseResult | undefined> {
  if (load.openLoopSeconds <= 0) return undefined;
  step(
    `Open loop: ${load.operators} operators, one scan a second each, for ${load.openLoopSeconds} s`,
  );
  const result = await phases.runOpen(
    "app, open loop (1 scan/s each)",
    load.operators,
    load.openLoopSeconds,
    (w) => scan.app(operators[w]!),
  );
  log(
    `  open loop: p50 ${ms(result.stats.p50)} ms, p95 ${ms(result.stats.p95)} ms, p99 ${ms(result.stats.p99)} ms, ${result.stats.perSecond.toFixed(0)}/s`,
  );
  return result;
}

/**
 * Where a scan's time goes: the same closed loop against less and less of the path, then the
 * paths one request at a time (service time, no queueing), counting the command's SQL statements.
 */
export async function measureBreakdown(
  load: Load,
  phases: Phases,
  scan: Scans,
  loops: {
    base: URL;
    operators: Operator[];
    soloOperator: Operator;
    commandWorkers: CommandWorker[];
    soloCommand: CommandWorker;
  },
): Promise<{ breakdown: PhaseResult[]; solo: PhaseResult[]; statements: Map<string, number> }> {
  step("Breakdown: where a scan's time goes");
  const { operators: n, scans: perWorker } = load;
  const browsers = loops.operators.map((o) => o.browser);
  const breakdown: PhaseResult[] = [];
  breakdown.push(
    await phases.run("POST /api/dock/scans, signed out", n, perWorker, async () => {
      const r = await request(loops.base, "POST", "/api/dock/scans", { body: "{}" });
      if (r.status !== 401) return `signed-out scan: ${r.status} ${r.body.slice(0, 200)}`;
    }),
  );
  breakdown.push(
    await phases.run("POST /api/dock/scans, invalid", n, perWorker, async (w) => {
      const r = await browsers[w]!.send("POST", "/api/dock/scans", {});
      if (r.status !== 422) return `invalid scan: ${r.status} ${r.body.slice(0, 200)}`;
    }),
  );
  breakdown.push(
    await phases.run(
      "scan command in-process",
      n,
      load.commandScans,
      (w, i) => scan.command(loops.commandWorkers[w]!, i),
      true,
    ),
  );

  const solo: PhaseResult[] = [];
  solo.push(
    await phases.run(
      "app scan, 1 at a time",
      1,
      load.solo,
      () => scan.app(loops.soloOperator),
      true,
    ),
  );
  const counted = await countStatements(async () =>
    solo.push(
      await phases.run(
        "command in-process, 1 at a time",
        1,
        load.solo,
        (_w, i) => scan.command(loops.soloCommand, i),
        true,
      ),
    ),
  );
  const scanned = solo[solo.length - 1]!.stats.n;
  const statements = new Map([...counted].map(([k, v]) => [k, v / Math.max(1, scanned)]));
  solo.push(await phases.run("floor, 1 at a time", 1, load.solo, scan.floor, true));
  return { breakdown, solo, statements };
}

/**
 * The SQL statements this process sends while `body` runs, by verb: pg's Client.query, which
 * Prisma's driver adapter calls for every statement, wrapped for the time.
 */
async function countStatements(body: () => Promise<unknown>): Promise<Map<string, number>> {
  const counted = new Map<string, number>();
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...a: unknown[]) {
    const q = a[0];
    const text = typeof q === "string" ? q : ((q as { text?: string } | undefined)?.text ?? "");
    const verb = text.trim().split(/\s+/)[0]!.toUpperCase() || "?";
    counted.set(verb, (counted.get(verb) ?? 0) + 1);
    return original.apply(this, a);
  };
  try {
    await body();
  } finally {
    proto.query = original;
  }
  return counted;
}
