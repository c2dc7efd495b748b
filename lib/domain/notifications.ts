import type { IncidentKind } from "./incidents.ts";
import { INCIDENT_KINDS } from "./incidents.ts";

/**
 * Who hears about what (issue 12): pure decisions, no I/O. Two steps, both total functions:
 *
 * 1. `noticeTopic(event)`, inside the command's transaction: does this audit event concern the
 *    customer? A job that changed state (R-J1..R-J13, R-J14 cancel, R-F1/R-F3 fault and its end),
 *    an error event opened on a job (R-E1..R-E5), a drive that faulted (R-F1). When it does, the
 *    event's transaction also writes a Notice (the outbox), so a refused command sends nothing.
 * 2. `planDeliveries(topic, job, subscriptions)`, when the worker fans a notice out: one email per
 *    notification address, one webhook delivery per live subscription of the job's customer that
 *    asked for that event type.
 */
export const WEBHOOK_EVENT_TYPES = [
  "job.state_changed",
  "job.error_event",
  "drive.faulted",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export type NoticeTopic =
  /** `from` is null when the job was just created (R-J1). */
  | { type: "job.state_changed"; from: string | null; to: string }
  | { type: "job.error_event"; incidentKind: IncidentKind }
  | { type: "drive.faulted" };

/** The parts of an audit event (lib/server/command.ts EventInput) this decision reads. */
export type NoticeEvent = {
  kind: string;
  jobId?: string | null;
  fromState?: string | null;
  toState?: string | null;
  data?: unknown;
};

function dataKind(data: unknown): IncidentKind | null {
  if (data === null || typeof data !== "object") return null;
  const kind = (data as { kind?: unknown }).kind;
  return typeof kind === "string" && (INCIDENT_KINDS as readonly string[]).includes(kind)
    ? (kind as IncidentKind)
    : null;
}

/** Step 1: the topic of the notice an event causes, or null when the customer is not told. */
export function noticeTopic(event: NoticeEvent): NoticeTopic | null {
  if (!event.jobId) return null; // drives of no known job: nobody to write to (R-E1 without a job)
  if (event.kind === "incident.opened") {
    const incidentKind = dataKind(event.data);
    return incidentKind ? { type: "job.error_event", incidentKind } : null;
  }
  if (event.kind === "job.created" && event.toState) {
    return { type: "job.state_changed", from: null, to: event.toState };
  }
  if (event.kind.startsWith("job.")) {
    const { fromState: from, toState: to } = event;
    if (!from || !to || from === to) return null;
    return { type: "job.state_changed", from, to };
  }
  if (
    event.kind.startsWith("drive.") &&
    event.toState === "Faulted" &&
    event.fromState !== "Faulted"
  ) {
    return { type: "drive.faulted" };
  }
  return null;
}

/** The job's fields the plan reads (a snapshot taken in the event's transaction). */
export type NoticeJob = {
  customerId: string;
  notificationEmails: readonly string[];
  /** The return address's email, the default recipient. */
  returnEmail: string | null;
};

export type Subscription = { id: string; url: string; events: readonly string[] };

export type PlannedDelivery =
  | { channel: "email"; target: string }
  | { channel: "webhook"; target: string; subscriptionId: string };

const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;

/** Who gets an email: the job's notification addresses, else its return address's email. */
export function emailRecipients(job: NoticeJob): string[] {
  const listed = job.notificationEmails.length > 0 ? job.notificationEmails : [job.returnEmail];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of listed) {
    const address = raw?.trim().toLowerCase();
    if (!address || !EMAIL.test(address) || seen.has(address)) continue;
    seen.add(address);
    out.push(address);
  }
  return out;
}

/** Step 2: every delivery one notice makes. Deterministic, no duplicates (one per target). */
export function planDeliveries(
  topic: NoticeTopic,
  job: NoticeJob | null,
  subscriptions: readonly Subscription[],
): PlannedDelivery[] {
  if (!job) return [];
  const emails: PlannedDelivery[] = emailRecipients(job).map((target) => ({
    channel: "email",
    target,
  }));
  const seen = new Set<string>();
  const hooks: PlannedDelivery[] = [];
  for (const s of subscriptions) {
    if (!s.events.includes(topic.type) || seen.has(s.id)) continue;
    seen.add(s.id);
    hooks.push({ channel: "webhook", target: s.url, subscriptionId: s.id });
  }
  return [...emails, ...hooks];
}

/** How long a message is tried before it is given up (webhooks: 24 hours, as announced). */
export const DELIVERY_GIVE_UP_MS = 24 * 60 * 60 * 1000;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_CAP_MS = 60 * 60 * 1000;

/**
 * When to try again after `attempts` failed tries: exponential (30 s, 1 min, 2 min, ... capped at
 * one hour) with "full jitter" in the upper half (random in [d/2, d]), so receivers that come back
 * are not hit by every sender at once. `random` is in [0, 1). Null once past the give-up time.
 */
export function nextAttemptAt(
  attempts: number,
  now: Date,
  giveUpAt: Date,
  random: number,
): Date | null {
  const exp = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  const delay = exp / 2 + (exp / 2) * Math.min(Math.max(random, 0), 0.999999);
  const at = new Date(now.getTime() + Math.round(delay));
  return at.getTime() > giveUpAt.getTime() ? null : at;
}
