/**
 * What the benchmark's other modules share about processes: the project's paths, the steps it runs
 * to completion in a child process (migrations, seeding, a build), and how a module hands the
 * orchestrator something to undo at the end.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { log } from "./report.ts";

export const root = path.resolve(import.meta.dirname, "../..");
export const bin = (name: string) => path.join(root, "node_modules/.bin", name);

/**
 * Registers an undo step with run.ts, which runs them in reverse order at the end, also on failure
 * or Ctrl-C: whatever a module starts or creates is registered as soon as it exists.
 */
export type Defer = (undo: () => Promise<void>) => void;

export const sleep = (msec: number) => new Promise((r) => setTimeout(r, msec));

/** A step in a child process, its output kept and shown only when it fails. */
export async function runStep(
  what: string,
  command: string,
  argv: string[],
  env: NodeJS.ProcessEnv,
) {
  const started = performance.now();
  const child = spawn(command, argv, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`${what} failed (exit ${code}):\n${output.slice(-4000)}`);
  log(`  ${what}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return output;
}
