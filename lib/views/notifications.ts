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
  /** The rule it comes from: "R-F1", "R-E1", "R-J2", ... */
  rule: string;
  /** What it is, as the link's text: "Job contoso-7 faulted", "Contact deadline", ... */
  title: string;
  /** The job it concerns, by name (null for drives of no known job). */
  job: string | null;
  /** Its own page: /faults/<job or drive id>, /incidents/<id>, /jobs/<id>. */
  href: string;
  /** ISO time: when it opened, or the deadline. */
  at: string;
};

/** One part of the alerts: how many there are, and the first of them (nearest or newest). */
export type AlertSection = { total: number; alerts: AlertView[] };

/** GET /api/alerts and the alerts page. `count` is every alert, shown or not (the badge's). */
export type AlertsView = {
  generatedAt: string;
  count: number;
  /** Deadlines within 48 hours, the nearest first. */
  deadlines: AlertSection;
  /** Open faults and incidents, the newest first. */
  opened: AlertSection;
};

/** One delivery of a webhook subscription: the customer's log (API) and the admin page. */
export type WebhookDeliveryView = {
  id: string;
  /** The event's id (the notice), the one a receiver drops duplicates by. */
  eventId: string;
  /** The event type as sent: "webhook.test", "job.state_changed", ... (the notice's kind). */
  type: string;
  jobName: string | null;
  status: DeliveryStatusView;
  attempts: number;
  lastError: string | null;
  /** ISO times; the next try only while queued. */
  nextAttemptAt: string | null;
  sentAt: string | null;
  createdAt: string;
};

/** One customer's webhook subscription as admins see it (never its signing secret). */
export type AdminWebhookView = {
  id: string;
  customerId: string;
  customerName: string;
  url: string;
  events: string[];
  /** ISO times; deleted ones stay listed with their log. */
  createdAt: string;
  deletedAt: string | null;
  /** Its newest delivery: its status and when it was queued, or null before the first. */
  lastDelivery: { status: DeliveryStatusView; createdAt: string } | null;
};

/** /admin/webhooks: the subscriptions (of one customer when filtered) and the filter's choices. */
export type AdminWebhookListView = {
  webhooks: AdminWebhookView[];
  /** Every customer that has (or had) a subscription, by name. */
  customers: { id: string; name: string }[];
  /** The customer filtered on, or null for all. */
  customerId: string | null;
};

/** /admin/webhooks/[id]: one subscription and its latest deliveries, newest first. */
export type AdminWebhookDetailView = AdminWebhookView & { deliveries: WebhookDeliveryView[] };
