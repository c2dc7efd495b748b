import { deleteWebhookRoute, getWebhookRoute } from "@/lib/server/http/webhook-routes.ts";

/** One webhook subscription: its delivery log, or unsubscribe. */
export const GET = getWebhookRoute;
export const DELETE = deleteWebhookRoute;
