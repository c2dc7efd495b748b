/**
 * Next.js instrumentation hook: stamps each request with its TCP peer (peer-stamp.ts), and starts
 * the life-cycle timer sweep inside the server (docs/architecture.md:
 * time is an input; it runs on a schedule in the server and as `npm run sweep`). Node.js runtime
 * only, never during `next build`, and off with DOCKSIDE_SWEEP=off. The server modules are
 * imported here, not at the top, so the edge bundle never sees them.
 */
export async function register(): Promise<void> {
  // Literal on purpose: Next.js replaces it at build time, which keeps the server imports below
  // out of the edge bundle. Every other setting comes from lib/env.ts.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // A wrong setting stops the server here, with a sentence naming the variable.
  const { env } = await import("@/lib/env.ts");
  const settings = env();
  // Rate limits and sign-in throttling key on the TCP peer unless a proxy is configured.
  const { installPeerStamp } = await import("@/lib/server/http/peer-stamp.ts");
  installPeerStamp();
  if (settings.NEXT_PHASE === "phase-production-build") return;
  // The notifications' delivery worker (lib/server/notify); off with DOCKSIDE_NOTIFY=off.
  const { startNotifySchedule } = await import("@/lib/server/notify/schedule.ts");
  startNotifySchedule();
  if (settings.DOCKSIDE_SWEEP_OFF) return;
  const { startSweepSchedule } = await import("@/lib/server/sweep/schedule.ts");
  startSweepSchedule();
}
