import { describe, expect, it } from "vitest";
import type { StationDrive } from "../validation/station-api.ts";
import { planCopy } from "./copy-plan.ts";
import { runCopyStations, type SimulatorDeps, type SimulatorOptions } from "./copy-station.ts";

/**
 * A fake Dockside that keeps the station API's rules (start only a Received drive, progress only a
 * Transferring one and never backwards, finish once, an Idempotency-Key applied once), and records
 * every request with the fake clock's time.
 */
class FakeDockside {
  drives = new Map<string, StationDrive & { jobState: string }>();
  requests: { at: number; method: string; path: string; body?: unknown; key?: string }[] = [];
  applied = new Map<string, unknown>();
  maxCopying = 0;
  /** Fail these requests (by "METHOD action id" and occurrence) with a network error. */
  networkFailures = new Map<string, number>();
  /** Drives another station starts just before ours does. */
  takenByOthers = new Set<string>();
  status401 = false;

  constructor(readonly clock: { now: number }) {}

  add(id: string, opts: Partial<StationDrive> & { jobName?: string } = {}) {
    this.drives.set(id, {
      id,
      driveId: `SERIAL-${id}`,
      jobName: opts.jobName ?? "contoso-backup-000001",
      jobType: "Import",
      state: "Received",
      copyStatus: null,
      percentComplete: 0,
      bytesTransferred: 0,
      errorCount: 0,
      warningCount: 0,
      errorLogUri: null,
      verboseLogUri: null,
      jobState: "Received",
      ...opts,
    });
  }

  private report(id: string) {
    const { jobState, ...drive } = this.drives.get(id)!;
    return { ...drive, job: { name: drive.jobName, state: jobState } };
  }

  private json(status: number, body: unknown) {
    return new Response(JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json" },
    });
  }

  private error(status: number, code: string, message: string) {
    return this.json(status, { error: { code, message } });
  }

  private settleJob(jobName: string) {
    const drives = [...this.drives.values()].filter((d) => d.jobName === jobName);
    const state = drives.every((d) => d.state.startsWith("Completed"))
      ? "Packaging"
      : drives.some((d) => d.state !== "Received")
        ? "Transferring"
        : "Received";
    for (const d of drives) d.jobState = state;
  }

  fetch: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const method = init?.method ?? "GET";
    const headers = new Headers(init?.headers);
    const key = headers.get("idempotency-key") ?? undefined;
    const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, number>) : undefined;
    this.requests.push({ at: this.clock.now, method, path: url.pathname + url.search, body, key });
    const [, , , , , id, action] = url.pathname.split("/");
    const label = `${method} ${action ?? "list"} ${id ?? ""}`.trim();
    const failures = this.networkFailures.get(label) ?? 0;
    if (failures > 0) {
      this.networkFailures.set(label, failures - 1);
      throw new TypeError("fetch failed", { cause: { code: "ECONNRESET" } });
    }
    if (this.status401 || headers.get("authorization") !== "Bearer dsk_test") {
      return this.error(401, "Unauthenticated", "The API key is not valid, or it was revoked.");
    }
    if (method === "GET") {
      const state = url.searchParams.get("state");
      const jobName = url.searchParams.get("jobName");
      const value = [...this.drives.values()]
        .filter((d) => d.state === state && (!jobName || d.jobName === jobName))
        .slice(0, Number(url.searchParams.get("$top")))
        .map((d) =>
          Object.fromEntries(Object.entries(d).filter(([field]) => field !== "jobState")),
        );
      return this.json(200, { value });
    }
    if (key && this.applied.has(key)) return this.json(200, this.applied.get(key));
    const drive = this.drives.get(id!);
    if (!drive) return this.error(404, "NotFound", "There is no such drive.");
    if (action === "start") {
      if (this.takenByOthers.has(drive.id)) drive.state = "Transferring";
      if (drive.state === "Transferring")
        return this.error(409, "AlreadyDone", "The drive is already Transferring.");
      drive.state = "Transferring";
      drive.copyStatus = "InProgress";
    } else {
      if (drive.state !== "Transferring")
        return this.error(409, "InvalidState", `This drive is ${drive.state} (R-D6).`);
      if (action === "progress") {
        drive.percentComplete = Math.max(drive.percentComplete, body!.percentComplete!);
        drive.bytesTransferred = Math.max(drive.bytesTransferred, body!.bytesTransferred ?? 0);
      } else {
        const issues = body!.errorCount! + body!.warningCount! + (body!.overwrittenBlobCount ?? 0);
        drive.state = issues > 0 ? "CompletedMoreInfo" : "Completed";
        drive.percentComplete = 100;
        drive.errorCount = body!.errorCount!;
        drive.warningCount = body!.warningCount!;
        drive.errorLogUri = (body as unknown as { errorLogUri: string }).errorLogUri;
      }
    }
    this.settleJob(drive.jobName);
    this.maxCopying = Math.max(
      this.maxCopying,
      [...this.drives.values()].filter((d) => d.state === "Transferring").length,
    );
    const answer = this.report(drive.id);
    if (key) this.applied.set(key, answer);
    return this.json(200, answer);
  };

  reportsFor(id: string, action: string) {
    return this.requests.filter((r) => r.path === `/api/v1/stations/drives/${id}/${action}`);
  }
}

/**
 * A fake clock: a sleep is a timer; when everything else is waiting (no more microtasks), the
 * earliest timer fires and the clock jumps to it.
 */
function fakeTime() {
  const clock = { now: 1_000_000 };
  const timers: { at: number; resolve: () => void }[] = [];
  const sleep = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve) => {
      if (signal.aborted) return resolve();
      const timer = { at: clock.now + ms, resolve };
      timers.push(timer);
      signal.addEventListener(
        "abort",
        () => {
          const pending = timers.indexOf(timer);
          if (pending >= 0) timers.splice(pending, 1);
          resolve();
        },
        { once: true },
      );
    });
  /** Run until `work` settles; each step runs once the clock has reached its time. */
  async function run<T>(
    work: Promise<T>,
    steps: { at: number; then: () => void }[] = [],
  ): Promise<T> {
    let settled = false;
    void work.finally(() => (settled = true)).catch(() => {});
    while (!settled) {
      await new Promise((r) => setImmediate(r));
      if (settled) break;
      const step = steps[0];
      if (step && clock.now >= step.at) {
        steps.shift();
        step.then();
        continue;
      }
      timers.sort((a, b) => a.at - b.at);
      const next = timers.shift();
      if (!next) throw new Error("deadlock: nothing to wait for, and the run has not ended");
      clock.now = Math.max(clock.now, next.at);
      next.resolve();
    }
    return work;
  }
  return { clock, sleep, run };
}

function setup(overrides: Partial<SimulatorOptions> = {}) {
  const time = fakeTime();
  const server = new FakeDockside(time.clock);
  const lines: string[] = [];
  let ids = 0;
  const deps: SimulatorDeps = {
    fetch: server.fetch,
    now: () => time.clock.now,
    sleep: time.sleep,
    log: (line) => lines.push(line),
    newId: () => `run${++ids}`,
  };
  const options: SimulatorOptions = {
    baseUrl: "http://dockside.test/",
    key: "dsk_test",
    stations: 3,
    speed: 1,
    errorRate: 0.15,
    once: true,
    seed: 99,
    resume: true,
    ...overrides,
  };
  return { time, server, lines, deps, options };
}

describe("the copy-station simulator", () => {
  it("--once copies every queued drive with at most --stations at a time, then exits", async () => {
    const { time, server, lines, deps, options } = setup({ errorRate: 0.5 });
    for (let i = 1; i <= 7; i++) server.add(`d${i}`, { jobName: i <= 4 ? "job-a" : "job-b" });
    const summary = await time.run(runCopyStations(options, deps));

    expect([...server.drives.values()].every((d) => d.state.startsWith("Completed"))).toBe(true);
    expect(server.maxCopying).toBe(3);
    expect(summary.completed + summary.completedMoreInfo).toBe(7);
    expect(summary.jobsPackaging.sort()).toEqual(["job-a", "job-b"]);
    for (const id of server.drives.keys()) {
      const plan = planCopy({ id }, options);
      // R-D8: the finish carries the plan's counts, the log URIs and the bytes copied.
      const [finish] = server.reportsFor(id, "finish");
      expect(finish!.body).toMatchObject({
        errorCount: plan.outcome.errorCount,
        warningCount: plan.outcome.warningCount,
        overwrittenBlobCount: plan.outcome.overwrittenBlobCount,
        bytesTransferred: plan.bytes,
        errorLogUri: expect.stringMatching(
          new RegExp(
            `^https://[a-z0-9]+\\.blob\\.core\\.windows\\.net/dockside-logs/job-[ab]/SERIAL-${id}_error\\.xml$`,
          ),
        ),
      });
      // Progress every 5 s of the demo's clock, rising, and the copy takes the plan's time.
      const [start] = server.reportsFor(id, "start");
      const progress = server.reportsFor(id, "progress");
      expect(progress.length).toBe(Math.ceil(plan.realDurationMs / 5000) - 1);
      const percents = progress.map((p) => (p.body as { percentComplete: number }).percentComplete);
      expect(percents).toEqual([...percents].sort((a, b) => a - b));
      const gaps = progress.map((p, i) => p.at - (i === 0 ? start!.at : progress[i - 1]!.at));
      expect(gaps.every((g) => g === 5000)).toBe(true);
      expect(finish!.at - start!.at).toBe(Math.ceil(plan.realDurationMs / 5000) * 5000);
    }
    expect(lines.at(-1)).toMatch(/^Done: 7 drive\(s\) copied/);
    expect(lines.some((l) => /CS-3 +SERIAL-d\d: started \(import job job-[ab], /.test(l))).toBe(
      true,
    );
  });

  it("a drive another station starts first (409) is passed over; the rest are copied", async () => {
    const { time, server, lines, deps, options } = setup({ errorRate: 0 });
    for (const id of ["a", "b", "c"]) server.add(id);
    server.takenByOthers.add("b");
    const summary = await time.run(runCopyStations(options, deps));
    expect(summary).toMatchObject({ started: 2, completed: 2, skipped: 1 });
    expect(server.reportsFor("b", "start")).toHaveLength(1);
    expect(server.reportsFor("b", "progress")).toHaveLength(0);
    expect(lines.some((l) => l.includes("SERIAL-b: not started (409 AlreadyDone"))).toBe(true);
  });

  it("a network error is retried with backoff and the same Idempotency-Key, so the finish counts once", async () => {
    const { time, server, lines, deps, options } = setup({ errorRate: 1, stations: 1 });
    server.add("x");
    server.networkFailures.set("POST finish x", 3);
    server.networkFailures.set("POST start x", 1);
    const summary = await time.run(runCopyStations(options, deps));
    expect(summary).toMatchObject({ completedMoreInfo: 1, abandoned: 0 });
    const finishes = server.reportsFor("x", "finish");
    expect(finishes).toHaveLength(4);
    expect(new Set(finishes.map((f) => f.key)).size).toBe(1);
    const waits = finishes.slice(1).map((f, i) => f.at - finishes[i]!.at);
    expect(waits[0]).toBeGreaterThanOrEqual(375);
    expect(waits[2]).toBeGreaterThan(waits[0]!);
    expect(lines.filter((l) => l.includes("ECONNRESET; trying again"))).toHaveLength(4);
  });

  it("gives up on a drive after --max-attempts, leaving it for the next run", async () => {
    const { time, server, lines, deps, options } = setup({ maxAttempts: 3, stations: 1 });
    server.add("x");
    server.networkFailures.set("POST finish x", 10);
    const summary = await time.run(runCopyStations(options, deps));
    expect(summary).toMatchObject({ abandoned: 1, completed: 0 });
    expect(server.drives.get("x")!.state).toBe("Transferring");
    expect(lines.some((l) => l.includes("gave up (finish SERIAL-x: ECONNRESET, 3 attempts)"))).toBe(
      true,
    );
  });

  it("resumes a drive left Transferring from its stored percent (a restarted station)", async () => {
    const { time, server, deps, options } = setup({ errorRate: 0 });
    server.add("r", { state: "Transferring", percentComplete: 60 });
    server.add("q");
    const summary = await time.run(runCopyStations(options, deps));
    expect(summary).toMatchObject({ resumed: 1, started: 1, completed: 2 });
    expect(server.reportsFor("r", "start")).toHaveLength(0);
    const first = server.reportsFor("r", "progress")[0]!.body as { percentComplete: number };
    expect(first.percentComplete).toBeGreaterThanOrEqual(60);
  });

  it("--no-resume leaves drives being copied alone; --job copies only that job's drives", async () => {
    const { time, server, deps, options } = setup({ resume: false, jobName: "job-b" });
    server.add("r", { state: "Transferring", percentComplete: 60, jobName: "job-b" });
    server.add("a", { jobName: "job-a" });
    server.add("b", { jobName: "job-b" });
    const summary = await time.run(runCopyStations(options, deps));
    expect(summary.started).toBe(1);
    expect(server.drives.get("a")!.state).toBe("Received");
    expect(server.drives.get("r")!.state).toBe("Transferring");
    expect(server.drives.get("b")!.state).toMatch(/^Completed/);
    expect(
      server.requests
        .filter((r) => r.method === "GET")
        .every((r) => r.path.includes("jobName=job-b")),
    ).toBe(true);
  });

  it("without --once it waits for new drives, and Ctrl-C stops it cleanly mid-copy", async () => {
    const { time, server, lines, deps, options } = setup({ once: false, errorRate: 0 });
    const stop = new AbortController();
    const running = runCopyStations(options, deps, stop.signal);
    const t0 = time.clock.now;
    const summary = await time.run(running, [
      { at: t0 + 20_000, then: () => server.add("late") },
      // A copy takes at least 25 s at speed 1: 20 s after it arrived, it is being copied.
      { at: t0 + 40_000, then: () => stop.abort() },
    ]);
    const [start] = server.reportsFor("late", "start");
    expect(start!.at - t0).toBeGreaterThanOrEqual(20_000);
    expect(start!.at - t0).toBeLessThanOrEqual(25_000);
    expect(server.reportsFor("late", "progress").length).toBeGreaterThan(0);
    expect(server.reportsFor("late", "finish")).toHaveLength(0);
    expect(summary.interrupted).toBe(1);
    expect(server.drives.get("late")!.state).toBe("Transferring");
    expect(lines.some((l) => l.startsWith("Stopped: 1 drive(s) left Transferring"))).toBe(true);
  });

  it("a refused key stops the run with the API's message", async () => {
    const { time, server, deps, options } = setup();
    server.status401 = true;
    await expect(time.run(runCopyStations(options, deps))).rejects.toThrow(
      "401 Unauthenticated: The API key is not valid, or it was revoked.",
    );
  });
});
