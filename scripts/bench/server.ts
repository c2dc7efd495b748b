/**
 * The app under load: `next start` on a free port of 127.0.0.1, serving a private copy of the
 * build, optionally under the V8 profiler, stopped at the end.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
} from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { bin, root, runStep, sleep, type Defer } from "./child.ts";
import { request } from "./http.ts";
import { largestProfile, summarizeProfile, type ProfileSummary } from "./profile.ts";
import { log, step } from "./report.ts";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/**
 * A private copy of the build to serve: others may rebuild .next (e2e runs do) while the benchmark
 * runs, which would pull the files from under a running server. The copy links to the project's
 * node_modules and public, and is deleted at the end.
 */
async function snapshotBuild(defer: Defer): Promise<{ dir: string; buildId: string }> {
  const buildIdOf = (dir: string) => {
    try {
      return readFileSync(path.join(dir, ".next/BUILD_ID"), "utf8").trim();
    } catch {
      return "";
    }
  };
  for (let attempt = 1; ; attempt++) {
    const dir = mkdtempSync(path.join(os.tmpdir(), "dockside-bench-app-"));
    const links = ["node_modules", "public"].map((name) => path.join(dir, name));
    defer(async () => {
      for (const link of links) if (existsSync(link)) unlinkSync(link);
      rmSync(dir, { recursive: true, force: true });
    });
    const before = buildIdOf(root);
    let copied = true;
    try {
      cpSync(path.join(root, ".next"), path.join(dir, ".next"), {
        recursive: true,
        verbatimSymlinks: true,
        filter: (src) => !src.startsWith(path.join(root, ".next/cache")),
      });
      for (const file of ["package.json", "next.config.js"])
        copyFileSync(path.join(root, file), path.join(dir, file));
      symlinkSync(path.join(root, "node_modules"), links[0]!);
      symlinkSync(path.join(root, "public"), links[1]!);
    } catch {
      copied = false; // a build under way removed a file while we copied it
    }
    if (copied && before && before === buildIdOf(root) && buildIdOf(dir) === before) {
      return { dir, buildId: before };
    }
    if (attempt >= 3) throw new Error(".next kept changing while it was copied: try again later.");
    await sleep(10_000);
  }
}

async function startServer(
  env: NodeJS.ProcessEnv,
  port: number,
  dir: string,
  nodeFlags: string[],
  defer: Defer,
  webWorkers: number | undefined,
) {
  // With `webWorkers`, as `npm start` serves it (scripts/web-cluster.mjs: that many `next start`
  // workers on one port; they inherit the node flags, --cpu-prof too). Without, one `next start`
  // process, whose CPU time the scan benchmark reads from /proc by its pid.
  const argv =
    webWorkers === undefined
      ? [path.join(root, "node_modules/next/dist/bin/next"), "start", dir]
      : [path.join(root, "scripts/web-cluster.mjs"), dir];
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeFlags, ...argv, "--port", String(port), "--hostname", "127.0.0.1"],
    {
      cwd: dir,
      env: webWorkers === undefined ? env : { ...env, DOCKSIDE_WEB_WORKERS: String(webWorkers) },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const lines: string[] = [];
  let errorLines = 0;
  const keep = (d: Buffer) => {
    for (const line of d.toString().split("\n")) {
      if (!line.trim()) continue;
      if (/error|exception|unhandled/i.test(line)) errorLines++;
      lines.push(line);
      if (lines.length > 200) lines.shift();
    }
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.on("exit", () => {
      exited = true;
      resolve();
    }),
  );
  const stop = async () => {
    if (exited) return;
    child.kill("SIGTERM");
    const timer = sleep(20_000).then(() => "timeout");
    if ((await Promise.race([exit, timer])) === "timeout") {
      child.kill("SIGKILL");
      await exit;
    }
  };
  defer(stop);
  const base = new URL(`http://127.0.0.1:${port}`);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`next start exited:\n${lines.join("\n")}`);
    if (Date.now() > deadline) throw new Error(`next start did not answer:\n${lines.join("\n")}`);
    const ok = await request(base, "GET", "/api/auth/csrf", { timeoutMs: 5_000 }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    await sleep(250);
  }
  return { child, base, stop, log: lines, errorLines: () => errorLines };
}
export type AppServer = Awaited<ReturnType<typeof startServer>>;

/**
 * Builds the app if asked to or if there is no build, then serves it. With `cpuProf`, the server
 * writes a V8 profile into `profileDir` when it stops.
 */
export async function startApp(
  options: { build: boolean; cpuProf: boolean; webWorkers?: number },
  childEnv: NodeJS.ProcessEnv,
  defer: Defer,
): Promise<{ server: AppServer; profileDir?: string }> {
  const buildId = () =>
    existsSync(path.join(root, ".next/BUILD_ID"))
      ? readFileSync(path.join(root, ".next/BUILD_ID"), "utf8").trim()
      : undefined;
  if (options.build || !buildId()) {
    step("Building the app (next build)");
    await runStep("next build", bin("next"), ["build"], childEnv);
  }
  const build = await snapshotBuild(defer);
  step(`Starting the app (next start, build ${build.buildId}, served from a copy)`);
  const port = await freePort();
  const serverEnv: NodeJS.ProcessEnv = {
    ...childEnv,
    NODE_ENV: "production",
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    // The scheduled sweep would mark the bulk dataset's overdue drives NeverReceived mid-run.
    DOCKSIDE_SWEEP: "off",
  };
  delete serverEnv.BCRYPT_COST;
  let profileDir: string | undefined;
  const nodeFlags: string[] = [];
  if (options.cpuProf) {
    profileDir = mkdtempSync(path.join(os.tmpdir(), "dockside-bench-prof-"));
    nodeFlags.push("--cpu-prof", `--cpu-prof-dir=${profileDir}`);
    const dir = profileDir;
    defer(async () => rmSync(dir, { recursive: true, force: true }));
  }
  const t0 = performance.now();
  const server = await startServer(
    serverEnv,
    port,
    build.dir,
    nodeFlags,
    defer,
    options.webWorkers,
  );
  log(`  http://127.0.0.1:${port} answered in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { server, profileDir };
}

/** The profile the server wrote on stopping, summarized; call it after `server.stop()`. */
export function readProfile(profileDir: string | undefined): ProfileSummary | undefined {
  if (!profileDir) return undefined;
  const file = largestProfile(profileDir);
  return file ? summarizeProfile(file) : undefined;
}
