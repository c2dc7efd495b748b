import "server-only";
import { randomUUID } from "node:crypto";
import {
  DELIVERY_GIVE_UP_MS,
  nextAttemptAt,
  noticeTopic,
  planDeliveries,
  type NoticeJob,
  type Subscription,
} from "@/lib/domain/notifications.ts";
import { NOTIFIED } from "@/lib/domain/contact-results.ts";
import { answerDeadlineAfterNotice } from "@/lib/domain/incident-deadlines.ts";
import type { IncidentKind } from "@/lib/domain/incident-kinds.ts";
import type { ActorRef } from "@/lib/server/actor.ts";
import { done } from "@/lib/server/command.ts";
import type { Db } from "@/lib/server/db.ts";
import { runSqlCommand, sqlTime, fromSqlTime, type SqlTx } from "@/lib/server/sql/transaction.ts";
import { WriteBatch } from "@/lib/server/sql/write-batch.ts";

/** Who the audit log names for what the delivery worker records. */
const MAIL_ACTOR: ActorRef = { type: "system", label: "Automatic email" };

/**
 * The delivery worker: polls the outbox with FOR UPDATE SKIP LOCKED (no queue library: see
 * docs/notifications.md for why). Three short transactions, never one around a send:
 *
 * 1. fan out: notices not yet fanned out become Delivery rows (planDeliveries), once, atomically;
 * 2. claim: due deliveries get a lease (leaseUntil) and an attempt; two workers skip each other's
 *    rows, and a worker killed mid-batch leaves leases that simply expire: nothing is lost;
 * 3. record: only the lease holder records the outcome (sent, or the next try with backoff, or
 *    given up after 24 hours).
 * At least once: a worker that dies after sending and before recording sends again after the
 * lease; receivers drop the duplicate by its stable id (Message-ID, X-Dockside-Delivery).
 */
export const LEASE_MS = 2 * 60 * 1000;

export type NoticeRecord = {
  id: string;
  at: Date;
  kind: string;
  jobId: string | null;
  driveId: string | null;
  incidentId: string | null;
  fromState: string | null;
  toState: string | null;
  data: unknown;
  job: Record<string, unknown> | null;
};

export type ClaimedDelivery = {
  id: string;
  channel: "email" | "webhook";
  target: string;
  subscriptionId: string | null;
  attempts: number;
  giveUpAt: Date;
  leaseUntil: Date;
  notice: NoticeRecord;
};

/** What a send answered: delivered, or an error to show supervisors (no secret in it). */
export type SendOutcome = { ok: true } | { ok: false; error: string };
export type Sender = (delivery: ClaimedDelivery) => Promise<SendOutcome>;

type NoticeRowSql = Omit<NoticeRecord, "at"> & { at: string };

const NOTICE_COLUMNS = `n."id", n."at"::text AS "at", n."kind", n."jobId", n."driveId", n."incidentId", n."fromState", n."toState", n."data", n."job"`;

function toNotice(r: NoticeRowSql): NoticeRecord {
  return { ...r, at: fromSqlTime(r.at) };
}

/** The job's fields the plan reads, from the snapshot the notice carries. */
export function noticeJob(job: Record<string, unknown> | null): NoticeJob | null {
  if (!job || typeof job.customerId !== "string") return null;
  const address = job.returnAddress as { email?: unknown } | null | undefined;
  const emails = Array.isArray(job.notificationEmails) ? job.notificationEmails : [];
  return {
    customerId: job.customerId,
    notificationEmails: emails.filter((e): e is string => typeof e === "string"),
    returnEmail: address && typeof address.email === "string" ? address.email : null,
  };
}

/** Step 1: fan notices out into deliveries. Answers how many notices it fanned out. */
export async function fanOutNotices(database: Db, now: Date, limit = 50): Promise<number> {
  const result = await runSqlCommand(database, async (tx) => {
    const notices = (
      await tx.rows<NoticeRowSql>(
        `SELECT ${NOTICE_COLUMNS} FROM ${tx.t("Notice")} n WHERE n."fannedOutAt" IS NULL ORDER BY n."seq" LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      )
    ).map(toNotice);
    if (notices.length === 0) return done(0);
    const jobs = new Map(notices.map((n) => [n.id, noticeJob(n.job)]));
    const customers = [...new Set([...jobs.values()].flatMap((j) => (j ? [j.customerId] : [])))];
    const subs = customers.length
      ? await tx.rows<Subscription & { customerId: string }>(
          `SELECT "id", "url", "events", "customerId" FROM ${tx.t("WebhookSubscription")} WHERE "customerId" = ANY($1::text[]) AND "deletedAt" IS NULL ORDER BY "createdAt", "id"`,
          [customers],
        )
      : [];
    const values: unknown[] = [];
    const tuples: string[] = [];
    const p = (v: unknown) => {
      values.push(v);
      return `$${values.length}`;
    };
    const giveUpAt = new Date(now.getTime() + DELIVERY_GIVE_UP_MS);
    for (const notice of notices) {
      const topic = noticeTopic(notice);
      const job = jobs.get(notice.id) ?? null;
      if (!topic || !job) continue;
      const mine = subs.filter((s) => s.customerId === job.customerId);
      for (const d of planDeliveries(topic, job, mine)) {
        tuples.push(
          `(${p(randomUUID())}, ${p(notice.id)}, ${p(notice.jobId)}, ${p(d.channel)}::${tx.t("DeliveryChannel")}, ${p(d.target)}, ${p(d.channel === "webhook" ? d.subscriptionId : null)}, ${p(sqlTime(now))}::timestamp, ${p(sqlTime(giveUpAt))}::timestamp)`,
        );
      }
    }
    if (tuples.length) {
      await tx.rows(
        `INSERT INTO ${tx.t("Delivery")} ("id", "noticeId", "jobId", "channel", "target", "subscriptionId", "nextAttemptAt", "giveUpAt") VALUES ${tuples.join(", ")} ON CONFLICT ("noticeId", "channel", "target") DO NOTHING`,
        values,
      );
    }
    await tx.rows(
      `UPDATE ${tx.t("Notice")} SET "fannedOutAt" = $1::timestamp WHERE "id" = ANY($2::text[])`,
      [sqlTime(now), notices.map((n) => n.id)],
    );
    return done(notices.length);
  });
  return result.ok ? result.value : 0;
}

type ClaimRowSql = {
  id: string;
  channel: "email" | "webhook";
  target: string;
  subscriptionId: string | null;
  attempts: number;
  giveUpAt: string;
  leaseUntil: string;
  noticeId: string;
  /** The claim's order: nextAttemptAt, then seq (as text: a bigint). */
  nextAttemptAt: string;
  seq: string;
};

/**
 * Step 2: lease up to `limit` due deliveries to this worker, in the order they fell due and, for
 * first tries, the order of their events (RETURNING keeps no order, so they are sorted here).
 */
export async function claimDeliveries(
  database: Db,
  now: Date,
  limit = 20,
  leaseMs = LEASE_MS,
): Promise<ClaimedDelivery[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const result = await runSqlCommand(database, async (tx) => {
    const claimed = await tx.rows<ClaimRowSql>(
      `UPDATE ${tx.t("Delivery")} d SET "leaseUntil" = $2::timestamp, "attempts" = d."attempts" + 1
         WHERE d."id" IN (
           SELECT "id" FROM ${tx.t("Delivery")}
            WHERE "status" = 'queued' AND "nextAttemptAt" <= $1::timestamp
              AND ("leaseUntil" IS NULL OR "leaseUntil" <= $1::timestamp)
            ORDER BY "nextAttemptAt", "seq" LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING d."id", d."channel"::text AS "channel", d."target", d."subscriptionId", d."attempts",
                 d."giveUpAt"::text AS "giveUpAt", d."leaseUntil"::text AS "leaseUntil", d."noticeId",
                 d."nextAttemptAt"::text AS "nextAttemptAt", d."seq"::text AS "seq"`,
      [sqlTime(now), sqlTime(leaseUntil), limit],
    );
    if (claimed.length === 0) return done([] as ClaimedDelivery[]);
    claimed.sort(
      (a, b) =>
        fromSqlTime(a.nextAttemptAt).getTime() - fromSqlTime(b.nextAttemptAt).getTime() ||
        Number(BigInt(a.seq) - BigInt(b.seq)),
    );
    const notices = (
      await tx.rows<NoticeRowSql>(
        `SELECT ${NOTICE_COLUMNS} FROM ${tx.t("Notice")} n WHERE n."id" = ANY($1::text[])`,
        [claimed.map((c) => c.noticeId)],
      )
    ).map(toNotice);
    const byId = new Map(notices.map((n) => [n.id, n]));
    return done(
      claimed.map((c) => ({
        id: c.id,
        channel: c.channel,
        target: c.target,
        subscriptionId: c.subscriptionId,
        attempts: c.attempts,
        giveUpAt: fromSqlTime(c.giveUpAt),
        leaseUntil: fromSqlTime(c.leaseUntil),
        notice: byId.get(c.noticeId)!,
      })),
    );
  });
  return result.ok ? result.value : [];
}

/**
 * Step 3: record what a send answered, only while this worker still holds the lease (a worker
 * that overran its lease records nothing: the new holder's outcome stands). A sent email is also
 * a contact attempt on the job (R-E2, R-F2 read them), linked to its delivery.
 */
export async function recordOutcome(
  database: Db,
  delivery: ClaimedDelivery,
  outcome: SendOutcome,
  now: Date,
  random: () => number = Math.random,
  contactNote?: string,
): Promise<"sent" | "retry" | "failed" | "lost"> {
  const result = await runSqlCommand(database, async (tx) => {
    const held = [delivery.id, sqlTime(delivery.leaseUntil)];
    if (outcome.ok) {
      const rows = await tx.rows(
        `UPDATE ${tx.t("Delivery")} SET "status" = 'sent', "sentAt" = $3::timestamp, "leaseUntil" = NULL, "lastError" = NULL
          WHERE "id" = $1 AND "leaseUntil" = $2::timestamp RETURNING 1`,
        [...held, sqlTime(now)],
      );
      if (rows.length === 0) return done("lost" as const);
      if (delivery.channel === "email" && delivery.notice.jobId) {
        await recordMailContact(tx, delivery, now, contactNote);
      }
      return done("sent" as const);
    }
    const next = nextAttemptAt(delivery.attempts, now, delivery.giveUpAt, random());
    const rows = await tx.rows(
      `UPDATE ${tx.t("Delivery")} SET "status" = $3::${tx.t("DeliveryStatus")}, "nextAttemptAt" = COALESCE($4::timestamp, "nextAttemptAt"), "leaseUntil" = NULL, "lastError" = $5
        WHERE "id" = $1 AND "leaseUntil" = $2::timestamp RETURNING 1`,
      [
        ...held,
        next ? "queued" : "failed",
        next ? sqlTime(next) : null,
        outcome.error.slice(0, 500),
      ],
    );
    if (rows.length === 0) return done("lost" as const);
    return done(next ? ("retry" as const) : ("failed" as const));
  });
  return result.ok ? result.value : "lost";
}

/**
 * A sent email is a contact attempt on its job (result "notified": the customer was told, no
 * answer is known), attached to the incident or drive the notice is about, with its audit event.
 * When it is the first word to the customer about a missing package, R-E2's 30 days to answer
 * count from it (answerDeadlineAfterNotice). Once per delivery (unique deliveryId): a repeat of
 * the same delivery records nothing.
 */
async function recordMailContact(
  tx: SqlTx,
  delivery: ClaimedDelivery,
  now: Date,
  contactNote: string | undefined,
): Promise<void> {
  const { notice } = delivery;
  // The lock order (docs/architecture.md): the job first, then its incident, then the events.
  await tx.rows(`SELECT "id" FROM ${tx.t("Job")} WHERE "id" = $1 FOR UPDATE`, [notice.jobId]);
  const [attempt] = await tx.rows<{
    id: string;
    incidentId: string | null;
    driveId: string | null;
  }>(
    `INSERT INTO ${tx.t("ContactAttempt")} ("id", "jobId", "driveId", "incidentId", "channel", "at", "result", "outcome", "byUserId", "deliveryId")
     SELECT $1, j."id", (SELECT d."id" FROM ${tx.t("Drive")} d WHERE d."id" = $3), (SELECT i."id" FROM ${tx.t("Incident")} i WHERE i."id" = $4),
            'email', $5::timestamp, 'notified', $6, 'system', $7
       FROM ${tx.t("Job")} j WHERE j."id" = $2
     ON CONFLICT ("deliveryId") DO NOTHING
     RETURNING "id", "incidentId", "driveId"`,
    [
      randomUUID(),
      notice.jobId,
      notice.driveId,
      notice.incidentId,
      sqlTime(now),
      contactNote ?? `Automatic email to ${delivery.target}`,
      delivery.id,
    ],
  );
  if (!attempt) return;
  const batch = new WriteBatch(tx);
  let moved: { answerDeadline: string; previousAnswerDeadline: string | null } | null = null;
  if (attempt.incidentId) {
    const [incident] = await tx.rows<{
      id: string;
      kind: IncidentKind;
      resolvedAt: string | null;
      answerDeadline: string | null;
      version: number;
      earlier: number;
    }>(
      `SELECT i."id", i."kind"::text AS "kind", i."resolvedAt"::text AS "resolvedAt",
              i."answerDeadline"::text AS "answerDeadline", i."version",
              (SELECT count(*)::int FROM ${tx.t("ContactAttempt")} c
                WHERE c."incidentId" = i."id" AND c."id" <> $2) AS "earlier"
         FROM ${tx.t("Incident")} i WHERE i."id" = $1 FOR UPDATE`,
      [attempt.incidentId, attempt.id],
    );
    if (incident) {
      const previous = fromSqlTime(incident.answerDeadline);
      const due = answerDeadlineAfterNotice(
        {
          kind: incident.kind,
          resolvedAt: fromSqlTime(incident.resolvedAt),
          answerDeadline: previous,
        },
        incident.earlier,
        now,
      );
      if (due) {
        batch.update("Incident", incident, { answerDeadline: due }, "incident");
        moved = {
          answerDeadline: due.toISOString(),
          previousAnswerDeadline: previous?.toISOString() ?? null,
        };
      }
    }
  }
  batch.events([
    {
      actor: MAIL_ACTOR,
      at: now,
      kind: "contact.recorded",
      jobId: notice.jobId,
      driveId: attempt.driveId,
      incidentId: attempt.incidentId,
      reason: contactNote ?? `Automatic email to ${delivery.target}`,
      data: {
        contactAttemptId: attempt.id,
        channel: "email",
        result: NOTIFIED,
        deliveryId: delivery.id,
        ...(moved ? { ...moved, rule: "R-E2" } : {}),
      },
    },
  ]);
  await batch.flush();
}

export type PassReport = {
  fannedOut: number;
  sent: number;
  retry: number;
  failed: number;
  lost: number;
};

/** One pass of the worker: fan out, claim, send each (never inside a transaction), record. */
export async function runDeliveryPass(
  database: Db,
  send: Sender,
  clock: () => Date = () => new Date(),
  options: { limit?: number; random?: () => number; leaseMs?: number } = {},
): Promise<PassReport> {
  const report: PassReport = { fannedOut: 0, sent: 0, retry: 0, failed: 0, lost: 0 };
  report.fannedOut = await fanOutNotices(database, clock());
  const claimed = await claimDeliveries(database, clock(), options.limit ?? 20, options.leaseMs);
  for (const delivery of claimed) {
    let outcome: SendOutcome;
    try {
      outcome = await send(delivery);
    } catch (e) {
      outcome = { ok: false, error: e instanceof Error ? e.message : "the send failed" };
    }
    report[await recordOutcome(database, delivery, outcome, clock(), options.random)] += 1;
  }
  return report;
}
