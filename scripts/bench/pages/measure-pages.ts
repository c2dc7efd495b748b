/**
 * The pages half of `npm run bench:pages`: the supervisors it signs in, the pages it asks for, the
 * closed loops that measure them, and the markdown table it prints (run.ts drives it).
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import bcrypt from "bcryptjs";
import type pg from "pg";
import { Browser } from "../http.ts";
import { closedLoop, summarize, type Stats } from "../measure.ts";
import { log, ms } from "../report.ts";

export type PagesRun = {
  /** Requests per supervisor and page, in each closed loop. */
  requests: number;
  supervisors: number;
  webWorkers: number;
  /** Request each page as a click in the console does (its RSC payload), not as a full load. */
  navigation: boolean;
  /** Only the pages whose name holds one of these words (and the baseline); all when empty. */
  only: readonly string[];
};

/** The machine's 1-minute load average now: printed beside each measurement (shared machines). */
const load = () => os.loadavg()[0]!.toFixed(1);

export type Supervisor = { email: string; password: string };

export async function createSupervisors(client: pg.Client, run: PagesRun): Promise<Supervisor[]> {
  const users: Supervisor[] = [];
  for (let i = 1; i <= run.supervisors; i++) {
    const password = `bench-${randomBytes(9).toString("hex")}`;
    const email = `bench-supervisor-${i}@dockside.test`;
    await client.query(
      `INSERT INTO "User" ("id", "email", "name", "role", "passwordHash", "updatedAt")
       VALUES ($1, $2, $3, 'supervisor', $4, now())
       ON CONFLICT ("id") DO UPDATE SET "passwordHash" = EXCLUDED."passwordHash"`,
      [`bench-u-${i}`, email, `Bench Supervisor ${i}`, bcrypt.hashSync(password, 10)],
    );
    users.push({ email, password });
  }
  return users;
}

/** The pages of issue 14's benchmark, by name. */
function pages(jobs: number): [string, string][] {
  const deep = Math.max(1, Math.floor(jobs / 50 / 2));
  return [
    // The baseline of the same run: a console page that reads nothing but the session and user.
    ["baseline: help", "/help"],
    ["dashboard", "/dashboard"],
    ["jobs", "/jobs"],
    ["jobs, filtered", "/jobs?state=Shipping"],
    ["jobs, searched", "/jobs?q=bench-job-4242"],
    [`jobs, deep page (${deep})`, `/jobs?page=${deep}`],
    ["faults", "/faults"],
    ["incidents", "/incidents"],
    ["search API", "/api/search?q=BSN00004242"],
    ["search page", "/search?q=BENCH00004242"],
  ];
}

export type Row = {
  page: string;
  path: string;
  one?: Stats;
  ten?: Stats;
  note?: string;
  load?: string;
};

export async function measurePages(
  run: PagesRun,
  base: URL,
  users: Supervisor[],
  jobs: number,
): Promise<Row[]> {
  const browsers = users.map(() => new Browser(base));
  for (const [i, b] of browsers.entries()) await b.signIn(users[i]!.email, users[i]!.password);
  log(`  ${browsers.length} supervisors signed in`);
  const rows: Row[] = [];
  const { only } = run;
  const chosen = pages(jobs).filter(
    ([page], i) => i === 0 || only.length === 0 || only.some((w) => page.includes(w)),
  );
  for (const [page, path] of chosen) {
    // --navigation: the page as a click in the console fetches it (the RSC payload: no HTML).
    const [target, headers] = run.navigation
      ? [`${path}${path.includes("?") ? "&" : "?"}_rsc`, { rsc: "1" }]
      : [path, undefined];
    const get = (b: Browser) => b.send("GET", target, undefined, headers);
    const first = await get(browsers[0]!);
    if (first.status === 404) {
      rows.push({ page, path, note: "not built" });
      log(`  ${page}: not built (404)`);
      continue;
    }
    if (first.status !== 200) throw new Error(`${path}: ${first.status}`);
    // Warm up every web worker on this page (each keep-alive connection stays with one worker,
    // and a worker's first renders of a page run before the JIT has compiled them): three rounds
    // of all ten at once, not measured.
    for (let round = 0; round < 3; round++) await Promise.all(browsers.map(get));
    const step = async (w: number) => {
      const r = await get(browsers[w]!);
      if (r.status !== 200) return `${path}: ${r.status}`;
    };
    const one = summarize(
      await closedLoop({ workers: 1, perWorker: run.requests, maxMs: 120_000, step }),
    );
    const ten = summarize(
      await closedLoop({ workers: run.supervisors, perWorker: run.requests, maxMs: 180_000, step }),
    );
    rows.push({ page, path, one, ten, load: load() });
    log(
      `  ${page}: 1 → p50 ${ms(one.p50)} p95 ${ms(one.p95)} p99 ${ms(one.p99)} ms; 10 → p50 ${ms(ten.p50)} p95 ${ms(ten.p95)} p99 ${ms(ten.p99)} ms${ten.failed + one.failed ? ` (${ten.failed + one.failed} failed)` : ""}; load ${load()}`,
    );
  }
  return rows;
}

/** The target of a page: search 300 ms at a million jobs, every page 150 ms at 10,000. */
function target(jobs: number, page: string): number | null {
  if (jobs >= 1_000_000) return page.startsWith("search") || page === "jobs, searched" ? 300 : null;
  return 150;
}

export function printPages(run: PagesRun, jobs: number, rows: Row[]) {
  const workers = `${run.webWorkers} web worker${run.webWorkers === 1 ? "" : "s"}`;
  const kind = run.navigation ? "in-app navigations (RSC payload)" : "full page loads";
  log(
    `\n#### Pages at ${jobs.toLocaleString("en-US")} jobs (ms; 1 and 10 concurrent supervisors; ${run.requests} requests each; ${workers}; ${kind})\n`,
  );
  const base = rows[0]?.ten;
  log(
    "| page | path | 1: p50 | p95 | p99 | 10: p50 | p95 | p99 | 10: p50 / baseline | 10: p95 / baseline | target (10: p95) | load |",
  );
  log("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |");
  for (const r of rows) {
    if (!r.one || !r.ten) {
      log(`| ${r.page} | \`${r.path}\` | ${r.note} | | | | | | | | | |`);
      continue;
    }
    const { one, ten } = r;
    const goal = target(jobs, r.page);
    const verdict = goal === null ? "" : `< ${goal}: ${ten.p95 < goal ? "met" : "**missed**"}`;
    log(
      `| ${r.page} | \`${r.path}\` | ${ms(one.p50)} | ${ms(one.p95)} | ${ms(one.p99)} | ${ms(ten.p50)} | ${ms(ten.p95)} | ${ms(ten.p99)} | ${ratio(ten.p50, base?.p50)} | ${ratio(ten.p95, base?.p95)} | ${verdict} | ${r.load ?? ""} |`,
    );
  }
}

const ratio = (x: number, base: number | undefined) =>
  base && Number.isFinite(base) ? (x / base).toFixed(2) : "-";
