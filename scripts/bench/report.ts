/**
 * What the benchmark prints: progress lines while it runs, and at the end the tables of latency and
 * CPU per scan, the app/floor ratios against the target, and where a scan's time goes.
 */
import { median, type Stats } from "./measure.ts";
import type { ProfileSummary } from "./profile.ts";
import type { Load, PhaseResult } from "./rounds.ts";

export const log = (s = "") => console.log(s);
export const step = (s: string) => log(`\n▸ ${s}`);
export const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "-");

function row(cells: (string | number)[], widths: number[]): string {
  return cells
    .map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!)))
    .join("  ");
}

const LAT_W = [34, 8, 8, 8, 9, 7];
const CPU_W = [34, 8, 7, 10, 9, 7, 9];

function printLatency(title: string, results: PhaseResult[]) {
  log(`\n${title}`);
  log(row(["", "p50 ms", "p95 ms", "p99 ms", "scans/s", "failed"], LAT_W));
  for (const r of results)
    log(
      row(
        [
          r.name,
          ms(r.stats.p50),
          ms(r.stats.p95),
          ms(r.stats.p99),
          r.stats.perSecond.toFixed(0),
          r.stats.failed,
        ],
        LAT_W,
      ),
    );
}

function printCpu(title: string, results: PhaseResult[]) {
  log(`\n${title}`);
  log(row(["", "app ms", "pg ms", "loadgen ms", "other pg", "busy %", "others %"], CPU_W));
  for (const r of results)
    log(
      row(
        [
          r.name,
          r.cpu.serverMs.toFixed(2),
          r.cpu.postgresMs.toFixed(2),
          r.cpu.benchMs.toFixed(2),
          r.cpu.postgresOtherMs.toFixed(2),
          (r.cpu.machineBusy * 100).toFixed(0),
          (r.cpu.otherBusy * 100).toFixed(0),
        ],
        CPU_W,
      ),
    );
  log(
    "  CPU milliseconds per request: app = the next start process, pg = the PostgreSQL backends of",
  );
  log("  the bench database, loadgen = this process, other pg = the other postgres processes (WAL");
  log(
    "  writer, checkpointer, other databases). busy % = the whole machine (all cores) during the",
  );
  log(
    "  phase; others % = the part of it busy with processes that are not the benchmark's (noise).",
  );
}

/** One line for all the rounds of a loop, the CPU figures being the medians over them. */
function cpuMedian(rs: PhaseResult[]): PhaseResult {
  return {
    name: rs[0]!.name.replace(/round \d+/, "(median)"),
    stats: rs[0]!.stats,
    cpu: {
      serverMs: median(rs.map((r) => r.cpu.serverMs)),
      postgresMs: median(rs.map((r) => r.cpu.postgresMs)),
      postgresOtherMs: median(rs.map((r) => r.cpu.postgresOtherMs)),
      benchMs: median(rs.map((r) => r.cpu.benchMs)),
      machineBusy: median(rs.map((r) => r.cpu.machineBusy)),
      otherBusy: median(rs.map((r) => r.cpu.otherBusy)),
    },
  };
}

export type Results = {
  appRounds: PhaseResult[];
  floorRounds: PhaseResult[];
  /** The open-loop phase (each operator one scan a second); absent with --open-seconds 0. */
  openRound?: PhaseResult | undefined;
  /** Empty when the breakdown was skipped, as are `solo` and `statements`. */
  breakdown: PhaseResult[];
  solo: PhaseResult[];
  /** SQL statements per scan in the in-process command, by verb. */
  statements?: Map<string, number>;
  profile?: ProfileSummary;
  received: number;
  eventCount: number;
  serverErrors: number;
  serverLog: string[];
};

export function printReport(load: Load, cores: number, r: Results) {
  const { appRounds, floorRounds } = r;
  log(`\n${"=".repeat(80)}`);
  log(
    `Scan benchmark: ${load.jobs} jobs, ${load.operators} concurrent operators (closed loop), ${load.rounds} rounds × ${load.scans} scans each`,
  );
  log(`${cores} cores; app pool 10 connections (Prisma + adapter-pg), floor pool 10 (pg)`);
  printLatency("Per round", [...appRounds, ...floorRounds]);

  const med = (rs: PhaseResult[], k: keyof Stats) => median(rs.map((p) => p.stats[k]));
  // Per-round ratios first: the app and the floor of one round ran back to back, under the same
  // neighbours, while the machine's load drifts between rounds.
  const ratio = (k: keyof Stats) =>
    median(appRounds.map((a, i) => a.stats[k] / floorRounds[i]!.stats[k]));
  const medians = (rs: PhaseResult[]) => ({
    p50: med(rs, "p50"),
    p95: med(rs, "p95"),
    p99: med(rs, "p99"),
    perSecond: med(rs, "perSecond"),
  });
  const app = medians(appRounds);
  const fl = medians(floorRounds);
  log(`\nMedian over ${load.rounds} rounds`);
  log(row(["", "p50 ms", "p95 ms", "p99 ms", "scans/s"], LAT_W));
  log(
    row(
      [
        "app (HTTP, POST /api/dock/scans)",
        ms(app.p50),
        ms(app.p95),
        ms(app.p99),
        app.perSecond.toFixed(0),
      ],
      LAT_W,
    ),
  );
  log(
    row(["floor (plain pg)", ms(fl.p50), ms(fl.p95), ms(fl.p99), fl.perSecond.toFixed(0)], LAT_W),
  );
  const r95 = ratio("p95");
  const rTput = ratio("perSecond");
  log(
    row(
      [
        "app / floor (median of round ratios)",
        `${ratio("p50").toFixed(1)}x`,
        `${r95.toFixed(1)}x`,
        `${ratio("p99").toFixed(1)}x`,
        `${rTput.toFixed(2)}x`,
      ],
      LAT_W,
    ),
  );

  const appCpu = cpuMedian(appRounds);
  const floorCpu = cpuMedian(floorRounds);
  printCpu("CPU per scan", [
    appCpu,
    floorCpu,
    ...(r.openRound ? [r.openRound] : []),
    ...r.breakdown,
    ...r.solo,
  ]);
  if (r.openRound) printLatency("Open loop (each operator one scan a second)", [r.openRound]);

  if (load.breakdown) {
    printLatency(`Breakdown (${load.operators} concurrent loops, one round each)`, [
      ...r.breakdown,
      {
        ...appRounds[0]!,
        name: "app scan (median round)",
        stats: { ...appRounds[0]!.stats, ...app },
      },
    ]);
    printLatency("One request at a time (no queueing): service time", r.solo);
    if (r.statements) {
      const list = [...r.statements]
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${v.toFixed(1)} ${k}`)
        .join(", ");
      const total = [...r.statements.values()].reduce((s, v) => s + v, 0);
      log(`\nSQL statements per scan, in the scan command: ${total.toFixed(1)} (${list}).`);
      log(
        "The route adds none (the user is re-read inside the scan's first statement, the package too);",
      );
      log("the floor runs 4 (BEGIN, UPDATE, INSERT, COMMIT).");
    }
  }
  if (r.profile) printProfile(r.profile);

  log(`\nWhere the time goes (CPU per scan, medians):`);
  log(
    `  app server ${appCpu.cpu.serverMs.toFixed(1)} ms + PostgreSQL ${appCpu.cpu.postgresMs.toFixed(1)} ms, against the floor's` +
      ` ${floorCpu.cpu.postgresMs.toFixed(2)} ms in PostgreSQL + ${floorCpu.cpu.benchMs.toFixed(2)} ms in its pg client.`,
  );
  if (load.breakdown) {
    // Each breakdown path does what the one before it does and a layer more, so the differences
    // of their server CPU are what each layer costs.
    const signedOut = r.breakdown[0]!.cpu.serverMs;
    const invalid = r.breakdown[1]!.cpu.serverMs;
    const inCommand = [...(r.statements?.values() ?? [])].reduce((a, v) => a + v, 0);
    log(
      `  Of the app server's: Next.js and the route handler ${signedOut.toFixed(1)} ms (a signed-out scan, 401),` +
        ` the session (JWT) + zod ${Math.max(0, invalid - signedOut).toFixed(1)} ms (a refused scan, 422),`,
    );
    log(
      `  the scan command ${Math.max(0, appCpu.cpu.serverMs - invalid).toFixed(1)} ms` +
        ` (${inCommand.toFixed(1)} SQL statements, the user re-read among them; ${r.breakdown[2]!.cpu.benchMs.toFixed(1)} ms when the command runs in-process).`,
    );
  }
  const operators = load.operators;
  log(
    `  One Node.js process serves the app: at ${appCpu.cpu.serverMs.toFixed(1)} ms of CPU per scan it tops out near` +
      ` ${(1000 / Math.max(0.01, appCpu.cpu.serverMs)).toFixed(0)} scans/s, and ${operators} operators in a closed loop`,
  );
  log(
    `  then wait about ${operators} / throughput = ${((operators / Math.max(1, app.perSecond)) * 1000).toFixed(0)} ms per scan (Little's law);` +
      ` p95 under 50 ms at ${operators} operators needs over ${(operators / 0.05).toFixed(0)} scans/s.`,
  );

  const statementsPerScan = [...(r.statements?.values() ?? [])].reduce((a, v) => a + v, 0);
  const verdict = (met: boolean) => (met ? "met" : "MISSED");
  log(`\nTargets (issue 9), measured in this run:`);
  log(
    `  app CPU per scan ${appCpu.cpu.serverMs.toFixed(2)} ms <= 3.5 ms: ${verdict(appCpu.cpu.serverMs <= 3.5)}`,
  );
  if (r.statements)
    log(
      `  SQL statements per scan ${statementsPerScan.toFixed(1)} <= 6: ${verdict(statementsPerScan <= 6)}`,
    );
  log(`  p95 app/floor ${r95.toFixed(1)}x <= 8x: ${verdict(r95 <= 8)}`);
  log(`  throughput app/floor ${rTput.toFixed(2)}x >= 0.125x: ${verdict(rTput >= 1 / 8)}`);
  if (r.openRound)
    log(
      `  open loop (${operators} operators, 1 scan/s each) p95 ${ms(r.openRound.stats.p95)} ms < 50 ms: ${verdict(r.openRound.stats.p95 < 50)}`,
    );
  log(
    `The product's goal, for the record: closed-loop p95 under 50 ms and within 3x of the floor:`,
  );
  log(
    `  p95 ${ms(app.p95)} ms < 50 ms: ${verdict(app.p95 < 50)}; p95 ${r95.toFixed(1)}x <= 3x and throughput ${rTput.toFixed(2)}x >= 0.33x: ${verdict(r95 <= 3 && rTput >= 1 / 3)}`,
  );
  log(
    `\nChecks: ${r.received} scans answered as received; ${r.eventCount} drive.receive events with a scan key` +
      `${r.eventCount === r.received ? " (equal)" : " (NOT EQUAL)"}; ${r.serverErrors} error lines in the server log.`,
  );
  if (r.serverErrors)
    log(
      r.serverLog
        .filter((l) => /error|exception|unhandled/i.test(l))
        .slice(-10)
        .join("\n"),
    );
}

export function printProfile(profile: ProfileSummary) {
  log(
    `\nApp server CPU profile (${(profile.busyMs / 1000).toFixed(1)} s busy over the server's life; self time):`,
  );
  for (const c of profile.byCategory.slice(0, 15))
    log(`  ${(c.share * 100).toFixed(1).padStart(5)}%  ${c.name}`);
  log("  top functions:");
  for (const f of profile.topFunctions)
    log(`  ${(f.share * 100).toFixed(1).padStart(5)}%  ${f.name}  (${f.where})`);
}
