/** What the job page shows of each message sent about the job (plain types for client components). */
export type DeliveryStatusView = "queued" | "sent" | "failed";

export type JobDeliveryView = {
  id: string;
  channel: "email" | "webhook";
  /** The address, or the webhook's URL. */
  target: string;
  /** What the message was about: "Shipping", "Error event: PackageOverdue", ... */
  about: string;
  status: DeliveryStatusView;
  attempts: number;
  lastError: string | null;
  /** ISO times. */
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string | null;
};

/** One supervisors' alert (lib/server/notify/alerts.ts). */
export type AlertView = {
  key: string;
  kind: "fault" | "incident" | "deadline";
  title: string;
  detail: string;
  href: string;
  /** ISO time: when it opened, or the deadline. */
  at: string;
};
