/**
 * Next.js instrumentation hook: stamps each request with its TCP peer (peer-stamp.ts), and starts
 * the life-cycle timer sweep inside the server (DESIGN.md:
 * time is an input; it runs on a schedule in the server and as `npm run sweep`). Node.js runtime
 * only, never during `next build`, and off with DOCKSIDE_SWEEP=off. The server modules are
 * imported here, not at the top, so the edge bundle never sees them.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Rate limits and sign-in throttling key on the TCP peer unless a proxy is configured.
  const { installPeerStamp } = await import("@/lib/server/http/peer-stamp.ts");
  installPeerStamp();
  if (process.env.DOCKSIDE_SWEEP === "off") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startSweepSchedule } = await import("@/lib/server/sweep/schedule.ts");
  startSweepSchedule();
}
