import { createWebhookRoute, listWebhooksRoute } from "@/lib/server/http/webhook-routes.ts";

/** Webhooks: this customer's subscriptions to job events (docs/notifications.md). */
export const GET = listWebhooksRoute;
export const POST = createWebhookRoute;
