import "server-only";
import nodemailer from "nodemailer";
import type { NoticeMail } from "@/lib/domain/notification-wording.ts";
import type { NotifyConfig } from "./config.ts";
import type { SendOutcome } from "./worker.ts";

type Transport = ReturnType<typeof nodemailer.createTransport>;
const transports = new Map<string, Transport>();

/** One pooled SMTP transport per SMTP_URL, with short timeouts: a slow server fails the try. */
function transportFor(url: string): Transport {
  let t = transports.get(url);
  if (!t) {
    t = nodemailer.createTransport(url, {
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 15_000,
    } as never);
    transports.set(url, t);
  }
  return t;
}

/** The domain of the sender, for Message-ID. */
function senderDomain(from: string): string {
  return /@([A-Za-z0-9.-]+)/.exec(from)?.[1] ?? "dockside.invalid";
}

/**
 * Send one mail. Its Message-ID is the delivery's id, the same on every try, so a mailbox or a
 * catcher can drop a repeat (at-least-once delivery).
 */
export async function sendEmail(
  config: NotifyConfig,
  deliveryId: string,
  to: string,
  mail: NoticeMail,
): Promise<SendOutcome> {
  if (!config.smtpUrl) return { ok: false, error: "No SMTP server is configured (SMTP_URL)." };
  try {
    await transportFor(config.smtpUrl).sendMail({
      from: config.mailFrom,
      to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: `<${deliveryId}@${senderDomain(config.mailFrom)}>`,
      headers: { "X-Dockside-Delivery": deliveryId, "Auto-Submitted": "auto-generated" },
    });
    return { ok: true };
  } catch (e) {
    const code =
      (e as { code?: unknown; responseCode?: unknown }).responseCode ??
      (e as { code?: unknown }).code;
    return {
      ok: false,
      error: `The mail server refused or did not answer${code ? ` (${String(code)})` : ""}.`,
    };
  }
}
