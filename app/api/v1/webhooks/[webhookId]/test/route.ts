import { testWebhookRoute } from "@/lib/server/http/webhook-routes.ts";

/** Test-send: a `webhook.test` event to this subscription. */
export const POST = testWebhookRoute;
