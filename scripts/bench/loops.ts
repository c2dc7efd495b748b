/**
 * Who scans, and how: the simulated operators signed in over HTTP with their packages open, the
 * workers of the in-process scan command, and one scan of each kind (the app over HTTP, the floor
 * in plain SQL, the scan command in-process).
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { UserActor } from "../../lib/server/actor.ts";
import type { BenchUser, InProcessApp, JobDrives } from "./database.ts";
import type { Floor, FloorDrive } from "./floor.ts";
import { Browser } from "./http.ts";
import { median } from "./measure.ts";
import { log, ms, step } from "./report.ts";

type Drive = { serial: string; packageId: string };
/** One simulated operator: a signed-in browser, its open packages, its drives in scan order. */
export type Operator = { browser: Browser; drives: Drive[]; next: number };
/** A worker of the in-process command: its user, a server-side session of theirs, its drives. */
export type CommandWorker = { actor: UserActor; sessionId: string; drives: Drive[] };

export async function signInOperators(
  base: URL,
  users: BenchUser[],
  appJobs: JobDrives[][],
  soloAppJobs: JobDrives[],
): Promise<{ operators: Operator[]; soloOperator: Operator }> {
  step("Signing in the operators and opening their packages");
  const operators: Operator[] = users.map(() => ({
    browser: new Browser(base),
    drives: [],
    next: 0,
  }));
  const openLatencies: number[] = [];
  const openPackages = async (op: Operator, jobs: JobDrives[]) => {
    for (const j of jobs) {
      const t = performance.now();
      const r = await op.browser.send("POST", "/api/dock/packages", {
        code: j.tracking,
        direction: "Inbound",
      });
      openLatencies.push(performance.now() - t);
      if (r.status !== 201) throw new Error(`open package ${j.tracking}: ${r.status} ${r.body}`);
      const { packageId } = JSON.parse(r.body) as { packageId: string };
      for (const d of j.drives) op.drives.push({ serial: d.serial, packageId });
    }
  };
  // Five at a time: people arrive at the dock over minutes, not all in one second (and signing in
  // is not what this benchmark measures).
  for (let first = 0; first < operators.length; first += 5) {
    await Promise.all(
      operators.slice(first, first + 5).map(async (op, k) => {
        const i = first + k;
        await op.browser.signIn(users[i]!.email, users[i]!.password);
        await openPackages(op, appJobs[i]!);
      }),
    );
  }
  const soloOperator: Operator = { browser: operators[0]!.browser, drives: [], next: 0 };
  await openPackages(soloOperator, soloAppJobs);
  const sortedOpen = openLatencies.sort((a, b) => a - b);
  log(
    `  ${users.length} signed in; ${sortedOpen.length} packages opened (median ${ms(median(sortedOpen))} ms each)`,
  );
  return { operators, soloOperator };
}

/** The workers of the in-process command, their packages opened through the command itself. */
export async function openCommandWorkers(
  app: InProcessApp,
  users: BenchUser[],
  jobs: { commandJobs: JobDrives[][]; soloCommandJobs: JobDrives[] },
): Promise<{ commandWorkers: CommandWorker[]; soloCommand: CommandWorker }> {
  const open = async (actor: UserActor, jobs: JobDrives[]) => {
    // A session as signing in makes one, so the command checks it as the route's scans are.
    const session = await app.db.userSession.create({
      data: { userId: actor.id, expiresAt: new Date(Date.now() + 8 * 3600_000) },
      select: { id: true },
    });
    const w: CommandWorker = { actor, sessionId: session.id, drives: [] };
    for (const j of jobs) {
      const r = await app.openDockPackage(
        app.db,
        actor,
        { code: j.tracking, direction: "Inbound" },
        new Date(),
      );
      if (!r.ok) throw new Error(`open package ${j.tracking}: ${r.error.message}`);
      for (const d of j.drives) w.drives.push({ serial: d.serial, packageId: r.value.packageId });
    }
    return w;
  };
  const commandWorkers: CommandWorker[] = [];
  for (const [i, js] of jobs.commandJobs.entries())
    commandWorkers.push(await open(users[i]!.actor, js));
  return { commandWorkers, soloCommand: await open(users[0]!.actor, jobs.soloCommandJobs) };
}

/** One scan of each kind; a returned message is a failure (anything but a drive received). */
export type Scans = {
  app: (op: Operator) => Promise<string | void>;
  floor: () => Promise<string | void>;
  command: (w: CommandWorker, i: number) => Promise<string | void>;
};

export function scanSteps(
  app: InProcessApp,
  floor: Floor,
  nextFloorDrive: () => FloorDrive,
): Scans {
  return {
    app: async (op) => {
      const d = op.drives[op.next++];
      if (!d) return "operator ran out of drives";
      const r = await op.browser.send("POST", "/api/dock/scans", {
        packageId: d.packageId,
        code: d.serial,
        scanId: randomUUID(),
      });
      if (r.status !== 200) return `scan ${d.serial}: ${r.status} ${r.body.slice(0, 300)}`;
      const kind = (JSON.parse(r.body) as { kind?: string }).kind;
      if (kind !== "received") return `scan ${d.serial}: outcome ${kind}: ${r.body.slice(0, 300)}`;
    },
    floor: () => floor.receive(nextFloorDrive()),
    command: async (w, i) => {
      const d = w.drives[i];
      if (!d) return "worker ran out of drives";
      // As the route does: the session's user is re-read inside the scan's first statement.
      const r = await app.scanDrive(
        app.db,
        { session: { userId: w.actor.id, sessionId: w.sessionId, issuedAt: new Date() } },
        { packageId: d.packageId, code: d.serial, scanId: randomUUID() },
        new Date(),
      );
      if (!r.ok) return `command ${d.serial}: ${r.error.message}`;
      if (r.value.kind !== "received") return `command ${d.serial}: outcome ${r.value.kind}`;
    },
  };
}
