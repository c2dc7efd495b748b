import "server-only";
import type { Db } from "@/lib/server/db.ts";
import type { JobDeliveryView } from "@/lib/views/notifications.ts";

function about(n: { kind: string; toState: string | null; data: unknown }): string {
  if (n.kind === "incident.opened") {
    const kind = (n.data as { kind?: unknown } | null)?.kind;
    return `Error event: ${typeof kind === "string" ? kind : "?"}`;
  }
  if (n.kind.startsWith("drive.")) return "A drive faulted";
  return n.toState ? `Job is now ${n.toState}` : n.kind;
}

/** Every message sent (or waiting) about a job, newest first. */
export async function jobDeliveries(database: Db, jobId: string): Promise<JobDeliveryView[]> {
  const rows = await database.delivery.findMany({
    where: { jobId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    include: { notice: { select: { kind: true, toState: true, data: true } } },
  });
  return rows.map((d) => ({
    id: d.id,
    channel: d.channel,
    target: d.target,
    about: about(d.notice),
    status: d.status,
    attempts: d.attempts,
    lastError: d.lastError,
    createdAt: d.createdAt.toISOString(),
    sentAt: d.sentAt?.toISOString() ?? null,
    nextAttemptAt: d.status === "queued" ? d.nextAttemptAt.toISOString() : null,
  }));
}
