import "server-only";
import { env, type Env } from "@/lib/env.ts";

/**
 * What the notifications read from the settings (lib/env.ts; README, "Notifications"):
 * SMTP_URL (unset: mail waits in the outbox and each try fails with "no SMTP_URL"; npm run demo
 * sets it to its own catcher), MAIL_FROM, DOCKSIDE_WEBHOOK_ALLOW_PRIVATE=1 (an admin lets webhooks
 * reach private, loopback and link-local addresses), DOCKSIDE_WEBHOOK_ALLOW_HTTP=1 (tests),
 * DOCKSIDE_NOTIFY=off, DOCKSIDE_NOTIFY_INTERVAL_MS and DOCKSIDE_NOTIFY_LEASE_MS (the worker).
 */
export type NotifyConfig = {
  smtpUrl: string | null;
  mailFrom: string;
  allowPrivateAddresses: boolean;
  allowHttp: boolean;
  enabled: boolean;
  intervalMs: number;
  /** How long a claimed delivery is held (DOCKSIDE_NOTIFY_LEASE_MS). */
  leaseMs: number;
  publicUrl: string | null;
};

export function notifyConfig(settings: Env = env()): NotifyConfig {
  return {
    smtpUrl: settings.SMTP_URL ?? null,
    mailFrom: settings.MAIL_FROM ?? "Dockside operations <operations@dockside.invalid>",
    allowPrivateAddresses: settings.DOCKSIDE_WEBHOOK_ALLOW_PRIVATE,
    allowHttp: settings.DOCKSIDE_WEBHOOK_ALLOW_HTTP,
    enabled: !settings.DOCKSIDE_NOTIFY_OFF,
    intervalMs: settings.DOCKSIDE_NOTIFY_INTERVAL_MS,
    leaseMs: settings.DOCKSIDE_NOTIFY_LEASE_MS,
    publicUrl: settings.NEXTAUTH_URL ?? null,
  };
}
