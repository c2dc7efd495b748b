import "server-only";
import { noticeMail, type NoticeMail } from "@/lib/domain/notification-wording.ts";
import { answerDeadlineAfterNotice, type IncidentDeadlines } from "@/lib/domain/incidents.ts";
import { noticeTopic } from "@/lib/domain/notifications.ts";
import type { WordingLang } from "@/lib/domain/state-wording.ts";
import type { Db } from "@/lib/server/db.ts";
import type { NoticeRecord } from "./worker.ts";

/** A timestamp of the notice's job snapshot (to_jsonb writes them without a zone: UTC). */
function snapshotTime(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const d = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * An error event's deadlines as the incident holds them now, with R-E2's answer clock as this mail
 * will start it (answerDeadlineAfterNotice; recordMailContact applies the same once it is sent),
 * so the date in the mail is the date the rules will act on.
 */
async function incidentDeadlinesNow(
  database: Db,
  incidentId: string | null,
  now: Date,
): Promise<IncidentDeadlines | undefined> {
  if (!incidentId) return undefined;
  const row = await database.incident.findUnique({
    where: { id: incidentId },
    select: {
      kind: true,
      resolvedAt: true,
      contactDeadline: true,
      answerDeadline: true,
      destructionDeadline: true,
      _count: { select: { contacts: true } },
    },
  });
  if (!row) return undefined;
  const answer = answerDeadlineAfterNotice(row, row._count.contacts, now);
  return {
    contactDeadline: row.contactDeadline,
    answerDeadline: answer ?? row.answerDeadline,
    destructionDeadline: row.destructionDeadline,
  };
}

/** The customer's email for a notice: their language, their job's name, the rules' deadline. */
export async function noticeEmail(
  database: Db,
  notice: NoticeRecord,
  now: Date = new Date(),
): Promise<NoticeMail | null> {
  const topic = noticeTopic(notice);
  const job = notice.job;
  if (!topic || !job || typeof job.name !== "string") return null;
  const lang: WordingLang = job.notificationLanguage === "fr" ? "fr" : "en";
  const drive = notice.driveId
    ? await database.drive.findUnique({ where: { id: notice.driveId }, select: { serial: true } })
    : null;
  return noticeMail({
    lang,
    topic,
    jobName: job.name,
    at: notice.at,
    shippingInfoAt:
      topic.type === "job.state_changed" && topic.to === "Shipping"
        ? notice.at
        : snapshotTime(job.shippingInfoAt),
    driveSerial: drive?.serial ?? null,
    // Status links are stored only as a hash: a mail cannot carry one (docs/notifications.md).
    statusPageUrl: null,
    incidentDeadlines:
      topic.type === "job.error_event"
        ? await incidentDeadlinesNow(database, notice.incidentId, now)
        : undefined,
  });
}
