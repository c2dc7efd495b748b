import "server-only";
import { db } from "@/lib/server/db.ts";
import { isDatabaseUnavailable } from "@/lib/server/http/database-unavailable.ts";
import { notifyConfig } from "./config.ts";
import { realSender } from "./send.ts";
import { runDeliveryPass } from "./worker.ts";

const globalForNotify = globalThis as unknown as {
  docksideNotifyTimer?: NodeJS.Timeout;
  docksideNotifyRunning?: boolean;
};

/**
 * The delivery worker inside the server, beside the sweep (instrumentation.ts): a pass every few
 * seconds, never two at once in one process (several processes are safe: SKIP LOCKED and leases).
 */
export function startNotifySchedule(): void {
  const config = notifyConfig();
  if (!config.enabled || globalForNotify.docksideNotifyTimer) return;
  const send = realSender(db, config);
  const tick = async () => {
    if (globalForNotify.docksideNotifyRunning) return;
    globalForNotify.docksideNotifyRunning = true;
    try {
      // Drain what is due, a batch at a time, without hogging the database.
      for (let i = 0; i < 5; i++) {
        const r = await runDeliveryPass(db, send, undefined, { leaseMs: config.leaseMs });
        if (r.fannedOut + r.sent + r.retry + r.failed + r.lost === 0) break;
      }
    } catch (e) {
      if (!isDatabaseUnavailable(e)) {
        console.error("notifications: delivery pass failed:", e instanceof Error ? e.message : e);
      }
    } finally {
      globalForNotify.docksideNotifyRunning = false;
    }
  };
  globalForNotify.docksideNotifyTimer = setInterval(() => void tick(), config.intervalMs).unref();
}
