import "server-only";
import { noticeMail, type NoticeMail } from "@/lib/domain/notification-wording.ts";
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

/** The customer's email for a notice: their language, their job's name, the rules' deadline. */
export async function noticeEmail(database: Db, notice: NoticeRecord): Promise<NoticeMail | null> {
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
  });
}
