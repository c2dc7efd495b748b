import "server-only";

/**
 * Everything the notifications read from the environment, in one place (README, "Notifications"):
 * - SMTP_URL: where mail goes (smtp://user:pass@host:587); unset, mail waits in the outbox and
 *   each try fails with "no SMTP_URL" (npm run demo sets it to its own catcher);
 * - MAIL_FROM: the sender ("Dockside <ops@example.com>");
 * - DOCKSIDE_WEBHOOK_ALLOW_PRIVATE=1: an admin's choice to let webhooks reach private, loopback
 *   and link-local addresses (a test receiver on 127.0.0.1, an internal system); off by default;
 * - DOCKSIDE_WEBHOOK_ALLOW_HTTP=1: accept http:// webhook URLs (tests only; https otherwise);
 * - DOCKSIDE_NOTIFY=off: no delivery worker in this process; DOCKSIDE_NOTIFY_INTERVAL_MS: its pace.
 */
export type NotifyConfig = {
  smtpUrl: string | null;
  mailFrom: string;
  allowPrivateAddresses: boolean;
  allowHttp: boolean;
  enabled: boolean;
  intervalMs: number;
  publicUrl: string | null;
};

export function notifyConfig(env: Record<string, string | undefined> = process.env): NotifyConfig {
  const interval = Number(env.DOCKSIDE_NOTIFY_INTERVAL_MS);
  return {
    smtpUrl: env.SMTP_URL?.trim() || null,
    mailFrom: env.MAIL_FROM?.trim() || "Dockside operations <operations@dockside.invalid>",
    allowPrivateAddresses: env.DOCKSIDE_WEBHOOK_ALLOW_PRIVATE === "1",
    allowHttp: env.DOCKSIDE_WEBHOOK_ALLOW_HTTP === "1",
    enabled: env.DOCKSIDE_NOTIFY !== "off",
    intervalMs: Number.isFinite(interval) && interval >= 200 ? interval : 5_000,
    publicUrl: env.NEXTAUTH_URL?.trim() || null,
  };
}
