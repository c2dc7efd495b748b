/**
 * The copy-station simulator: copy stations that take the received drives of a running Dockside
 * through their copy over the station API, with realistic timing and some errors.
 *
 *   npx tsx scripts/simulate.ts [--url http://localhost:3000] [--key dsk_...] [--stations 3]
 *                               [--speed 1] [--error-rate 0.15] [--seed 1] [--once]
 *                               [--job <name>] [--no-resume]
 *
 * The key comes from --key or DOCKSIDE_STATION_KEY; against localhost it defaults to the demo
 * station key that `npm run demo` seeds. Ctrl-C stops cleanly (drives being copied stay
 * Transferring and the next run resumes them); a second Ctrl-C quits at once.
 */
import { parseArgs } from "node:util";
import { DEMO_STATION_KEY } from "../prisma/demo-data.ts";
import { realDeps, runCopyStations, type SimulatorOptions } from "../lib/simulator/copy-station.ts";

const USAGE =
  "usage: npx tsx scripts/simulate.ts [--url URL] [--key KEY] [--stations N] [--speed X] [--error-rate R] [--seed N] [--once] [--job NAME] [--no-resume]";

function fail(message: string): never {
  console.error(`simulate: ${message}`);
  console.error(USAGE);
  process.exit(2);
}

function numberOption(
  name: string,
  raw: string | undefined,
  fallback: number,
  ok: (n: number) => boolean,
) {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || !ok(n)) fail(`--${name}: ${raw} is not a valid value`);
  return n;
}

function isLocal(url: string): boolean {
  try {
    return ["localhost", "127.0.0.1", "[::1]"].includes(new URL(url).hostname);
  } catch {
    fail(`--url: ${url} is not a URL`);
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: "string", default: process.env.DOCKSIDE_URL ?? "http://localhost:3000" },
      key: { type: "string" },
      stations: { type: "string" },
      speed: { type: "string" },
      "error-rate": { type: "string" },
      seed: { type: "string" },
      once: { type: "boolean", default: false },
      job: { type: "string" },
      "no-resume": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const url = values.url!;
  const key =
    values.key ?? process.env.DOCKSIDE_STATION_KEY ?? (isLocal(url) ? DEMO_STATION_KEY : undefined);
  if (!key) fail("give a copy-station API key: --key or DOCKSIDE_STATION_KEY");

  const options: SimulatorOptions = {
    baseUrl: url,
    key,
    stations: numberOption(
      "stations",
      values.stations,
      3,
      (n) => Number.isInteger(n) && n >= 1 && n <= 64,
    ),
    speed: numberOption("speed", values.speed, 1, (n) => n > 0 && n <= 100_000),
    errorRate: numberOption("error-rate", values["error-rate"], 0.15, (n) => n >= 0 && n <= 1),
    seed: numberOption("seed", values.seed, Date.now() % 2 ** 31, Number.isInteger),
    once: values.once!,
    resume: !values["no-resume"],
    ...(values.job ? { jobName: values.job } : {}),
  };

  const stop = new AbortController();
  process.on("SIGINT", () => {
    if (stop.signal.aborted) process.exit(130);
    console.log("\nStopping (Ctrl-C again to quit at once)...");
    stop.abort();
  });
  process.on("SIGTERM", () => stop.abort());
  console.log(`Seed ${options.seed} (--seed ${options.seed} repeats this run's sizes and errors).`);
  await runCopyStations(options, realDeps(), stop.signal);
}

main().catch((e: unknown) => {
  console.error(`simulate: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
