/**
 * Where the app server's time goes: a summary of the V8 CPU profile (`node --cpu-prof`) that
 * `next start` writes when it exits, by package and by function (self time, idle left out).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
};
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

function category(url: string, fn: string): string {
  if (!url) {
    if (fn === "(garbage collector)") return "V8 garbage collector";
    if (fn === "(program)") return "V8/native (program)";
    if (fn === "(idle)") return "idle";
    return "native";
  }
  if (url.startsWith("node:")) return "Node.js core";
  // The only WebAssembly the server loads is Prisma's query compiler (engineType "client").
  if (url.startsWith("wasm://")) return "wasm (Prisma query compiler)";
  const nm = url.lastIndexOf("/node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + "/node_modules/".length).split("/");
    const pkg = rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
    if (pkg === "next") {
      if (url.includes("/compiled/")) return `next (compiled deps: ${rest[3] ?? "?"})`;
      return "next";
    }
    return pkg;
  }
  if (url.includes("/.next/server/")) return "app bundle (.next/server: our code + bundled deps)";
  return url;
}

export type ProfileSummary = {
  file: string;
  busyMs: number;
  byCategory: { name: string; ms: number; share: number }[];
  topFunctions: { name: string; where: string; ms: number; share: number }[];
};

export function summarizeProfile(file: string, top = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const cats = new Map<string, number>();
  const fns = new Map<string, { name: string; where: string; ms: number }>();
  let busy = 0;
  for (const [id, ms] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const cat = category(url, functionName);
    if (cat === "idle") continue;
    busy += ms;
    cats.set(cat, (cats.get(cat) ?? 0) + ms);
    const where = url ? `${path.basename(url)}:${lineNumber + 1}` : "";
    const key = `${functionName}@${where}`;
    const f = fns.get(key) ?? {
      name: functionName || "(anonymous)",
      where: `${cat} ${where}`,
      ms: 0,
    };
    f.ms += ms;
    fns.set(key, f);
  }
  const share = (ms: number) => ms / Math.max(1, busy);
  return {
    file,
    busyMs: busy,
    byCategory: [...cats]
      .map(([name, ms]) => ({ name, ms, share: share(ms) }))
      .sort((a, b) => b.ms - a.ms),
    topFunctions: [...fns.values()]
      .map((f) => ({ ...f, share: share(f.ms) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top),
  };
}

/** The largest profile in a directory (the server process, not a short-lived helper). */
export function largestProfile(dir: string): string | undefined {
  let best: { file: string; size: number } | undefined;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith(".cpuprofile")) continue;
    const file = path.join(dir, name);
    const size = statSync(file).size;
    if (!best || size > best.size) best = { file, size };
  }
  return best?.file;
}
