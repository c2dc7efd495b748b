import "server-only";
import { noticeTopic } from "@/lib/domain/notifications.ts";
import type { Db } from "@/lib/server/db.ts";
import { API_JOB_SELECT, toApiJob } from "@/lib/server/jobs/queries.ts";
import { noticeEmail } from "./compose.ts";
import type { NotifyConfig } from "./config.ts";
import { sendEmail } from "./email.ts";
import { postWebhook } from "./webhook-send.ts";
import { signatureHeader, SIGNATURE_HEADER } from "./webhook-signature.ts";
import type { ClaimedDelivery, NoticeRecord, Sender, SendOutcome } from "./worker.ts";

/**
 * A webhook's JSON: the event's id (the notice: the same for every subscription, stable across
 * tries), its type and time, what happened, and the job as Get Job returns it now (null once the
 * job is deleted).
 */
/** The drive's id as the customer knows it (its serial), or null. */
async function driveSerial(database: Db, driveId: string | null): Promise<string | null> {
  if (!driveId) return null;
  const drive = await database.drive.findUnique({
    where: { id: driveId },
    select: { serial: true },
  });
  return drive?.serial ?? null;
}

export async function webhookBody(database: Db, notice: NoticeRecord): Promise<string | null> {
  if (notice.kind === "webhook.test") {
    return JSON.stringify({
      id: notice.id,
      type: "webhook.test",
      createdAt: notice.at.toISOString(),
      data: {},
    });
  }
  const topic = noticeTopic(notice);
  if (!topic) return null;
  const row = notice.jobId
    ? await database.job.findUnique({ where: { id: notice.jobId }, select: API_JOB_SELECT })
    : null;
  return JSON.stringify({
    id: notice.id,
    type: topic.type,
    createdAt: notice.at.toISOString(),
    data: {
      ...(topic.type === "job.state_changed"
        ? { previousState: topic.from, state: topic.to }
        : topic.type === "job.error_event"
          ? { errorEvent: topic.incidentKind }
          : { driveId: await driveSerial(database, notice.driveId) }),
      jobName: typeof notice.job?.name === "string" ? notice.job.name : null,
      job: row ? toApiJob(row) : null,
    },
  });
}

/** The worker's sender: email through SMTP, webhooks signed with their subscription's secret. */
export function realSender(database: Db, config: NotifyConfig, clock = () => new Date()): Sender {
  return async (delivery: ClaimedDelivery): Promise<SendOutcome> => {
    if (delivery.channel === "email") {
      const mail = await noticeEmail(database, delivery.notice, clock());
      if (!mail) return { ok: false, error: "Nothing to say for this notice." };
      return sendEmail(config, delivery.id, delivery.target, mail);
    }
    const sub = delivery.subscriptionId
      ? await database.webhookSubscription.findUnique({ where: { id: delivery.subscriptionId } })
      : null;
    if (!sub || sub.deletedAt) return { ok: false, error: "The subscription was deleted." };
    const body = await webhookBody(database, delivery.notice);
    if (!body) return { ok: false, error: "Nothing to say for this notice." };
    const t = Math.floor(clock().getTime() / 1000);
    return postWebhook(
      sub.url,
      body,
      {
        [SIGNATURE_HEADER]: signatureHeader(sub.secret, body, t),
        "X-Dockside-Delivery": delivery.id,
        "X-Dockside-Event": delivery.notice.id,
      },
      config,
    );
  };
}
