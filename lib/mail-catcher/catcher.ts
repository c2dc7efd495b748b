import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A local SMTP inbox for the demo and the tests (no mail leaves the machine): every message is
 * kept as one JSON file in `dir`, which the admins' page /admin/mail lists. Accepts any sender and
 * recipient, on loopback only, without authentication.
 */
export type CaughtMail = {
  messageId: string | null;
  deliveryId: string | null;
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
};

export async function startMailCatcher(options: {
  port: number;
  dir: string;
  onMail?: (mail: CaughtMail) => void;
}): Promise<{ port: number; close: () => Promise<void> }> {
  mkdirSync(options.dir, { recursive: true });
  let n = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const mail: CaughtMail = {
            messageId: parsed.messageId ?? null,
            deliveryId: (parsed.headers.get("x-dockside-delivery") as string | undefined) ?? null,
            receivedAt: new Date().toISOString(),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : null,
          };
          const name = `${Date.now()}-${process.pid}-${++n}.json`;
          writeFileSync(path.join(options.dir, name), JSON.stringify(mail, null, 2));
          options.onMail?.(mail);
          callback();
        })
        .catch((e: unknown) => callback(e instanceof Error ? e : new Error("unreadable mail")));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  return {
    port: typeof address === "object" && address ? address.port : options.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
