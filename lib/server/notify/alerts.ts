import "server-only";
import { CREATING_TIMEOUT_DAYS, DAY_MS, SHIPPING_NOTIFY_DAYS } from "@/lib/domain/timers.ts";
import type { Db } from "@/lib/server/db.ts";
import type { AlertView } from "@/lib/views/notifications.ts";

/** How far ahead a deadline raises an alert. */
export const ALERT_HORIZON_MS = 48 * 60 * 60 * 1000;

export type AlertsData = { generatedAt: string; count: number; alerts: AlertView[] };

const iso = (d: Date) => d.toISOString();

/**
 * The supervisors' alerts, read from the data as it is (so they never drift from it): every open
 * fault (R-F1) and incident (R-E1..R-E5), and every deadline within 48 hours: an incident's
 * contact, answer or destruction deadline, a Creating job about to expire (R-J2), a Shipping job
 * whose package is about to be overdue (R-J6). Newest first, then the nearest deadline.
 */
export async function supervisorAlerts(database: Db, now: Date, limit = 50): Promise<AlertsData> {
  const soon = new Date(now.getTime() + ALERT_HORIZON_MS);
  const windowStart = (days: number) => new Date(soon.getTime() - days * DAY_MS);
  const windowEnd = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const [faultedJobs, faultedDrives, incidents, creating, shipping] = await Promise.all([
    database.job.findMany({
      where: { state: "Faulted" },
      select: { id: true, name: true, stateChangedAt: true },
      orderBy: { stateChangedAt: "desc" },
      take: limit,
    }),
    database.drive.findMany({
      where: { state: "Faulted" },
      select: {
        id: true,
        serial: true,
        jobId: true,
        stateChangedAt: true,
        job: { select: { name: true } },
      },
      orderBy: { stateChangedAt: "desc" },
      take: limit,
    }),
    database.incident.findMany({
      where: { status: "Open" },
      select: {
        id: true,
        kind: true,
        openedAt: true,
        contactDeadline: true,
        answerDeadline: true,
        destructionDeadline: true,
        job: { select: { name: true } },
      },
      orderBy: { openedAt: "desc" },
      take: limit,
    }),
    database.job.findMany({
      where: {
        state: "Creating",
        creatingTimerStartedAt: {
          lte: windowStart(CREATING_TIMEOUT_DAYS),
          gt: windowEnd(CREATING_TIMEOUT_DAYS),
        },
      },
      select: { id: true, name: true, creatingTimerStartedAt: true },
      take: limit,
    }),
    database.job.findMany({
      where: {
        state: "Shipping",
        shippingInfoAt: {
          lte: windowStart(SHIPPING_NOTIFY_DAYS),
          gt: windowEnd(SHIPPING_NOTIFY_DAYS),
        },
      },
      select: { id: true, name: true, shippingInfoAt: true },
      take: limit,
    }),
  ]);
  const alerts: AlertView[] = [];
  for (const j of faultedJobs) {
    alerts.push({
      key: `job-fault-${j.id}`,
      kind: "fault",
      title: `Job ${j.name} is Faulted`,
      detail: "R-F1: contact the customer and resolve it.",
      href: `/jobs/${j.id}`,
      at: iso(j.stateChangedAt),
    });
  }
  for (const d of faultedDrives) {
    alerts.push({
      key: `drive-fault-${d.id}`,
      kind: "fault",
      title: `Drive ${d.serial} is Faulted`,
      detail: d.job ? `Job ${d.job.name}` : "No job",
      href: d.jobId ? `/jobs/${d.jobId}` : "/faults",
      at: iso(d.stateChangedAt),
    });
  }
  const deadlines: AlertView[] = [];
  for (const i of incidents) {
    alerts.push({
      key: `incident-${i.id}`,
      kind: "incident",
      title: `Incident opened: ${i.kind}`,
      detail: i.job ? `Job ${i.job.name}` : "Drives of no known job",
      href: "/incidents",
      at: iso(i.openedAt),
    });
    for (const [what, at] of [
      ["contact the customer", i.contactDeadline],
      ["the customer's answer", i.answerDeadline],
      ["secure destruction", i.destructionDeadline],
    ] as const) {
      if (at && at > now && at <= soon) {
        deadlines.push({
          key: `incident-${i.id}-${what}`,
          kind: "deadline",
          title: `Deadline within 48 h: ${what}`,
          detail: `${i.kind}${i.job ? `, job ${i.job.name}` : ""}`,
          href: "/incidents",
          at: iso(at),
        });
      }
    }
  }
  for (const j of creating) {
    const at = new Date(j.creatingTimerStartedAt!.getTime() + CREATING_TIMEOUT_DAYS * DAY_MS);
    deadlines.push({
      key: `creating-${j.id}`,
      kind: "deadline",
      title: "Deadline within 48 h: Creating job expires (R-J2)",
      detail: `Job ${j.name}`,
      href: `/jobs/${j.id}`,
      at: iso(at),
    });
  }
  for (const j of shipping) {
    const at = new Date(j.shippingInfoAt!.getTime() + SHIPPING_NOTIFY_DAYS * DAY_MS);
    deadlines.push({
      key: `shipping-${j.id}`,
      kind: "deadline",
      title: "Deadline within 48 h: package due (R-J6)",
      detail: `Job ${j.name}`,
      href: `/jobs/${j.id}`,
      at: iso(at),
    });
  }
  alerts.sort((a, b) => b.at.localeCompare(a.at) || a.key.localeCompare(b.key));
  deadlines.sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key));
  const all = [...deadlines, ...alerts];
  return { generatedAt: iso(now), count: all.length, alerts: all };
}
