import "server-only";
import { z } from "zod";
import { db } from "@/lib/server/db.ts";
import { apiCommandError, apiError, apiJson, apiRoute } from "@/lib/server/http/api-v1.ts";
import { notifyConfig } from "@/lib/server/notify/config.ts";
import {
  createWebhook,
  deleteWebhook,
  listWebhooks,
  testWebhook,
  webhookWithLog,
} from "@/lib/server/notify/webhook-commands.ts";
import { CreateWebhookInput, WebhookId } from "@/lib/validation/webhooks.ts";

const none = z.object({});

/** GET /api/v1/webhooks: this customer's subscriptions (never their secrets). */
export const listWebhooksRoute = apiRoute(
  "customer",
  z.object({ params: none, query: none.loose() }),
  async (_input, { actor }) => apiJson({ value: await listWebhooks(db, actor.customerId) }),
);

/** POST /api/v1/webhooks: subscribe; 201 with the signing secret, shown this once. */
export const createWebhookRoute = apiRoute(
  "customer",
  z.object({ params: none, query: none.loose(), body: CreateWebhookInput }),
  async ({ body }, { actor, now }) => {
    const result = await createWebhook(db, actor, body, notifyConfig(), now);
    if (!result.ok) return apiCommandError(result.error, "body.url");
    const { created, webhook, secret } = result.value;
    return apiJson(created ? { ...webhook, secret } : webhook, { status: created ? 201 : 200 });
  },
  { body: true },
);

/** GET /api/v1/webhooks/{id}: one subscription and its latest deliveries (the delivery log). */
export const getWebhookRoute = apiRoute(
  "customer",
  z.object({ params: WebhookId, query: none.loose() }),
  async ({ params }, { actor }) => {
    const found = await webhookWithLog(db, actor.customerId, params.webhookId);
    return found ? apiJson(found) : apiError(404, "NotFound", "There is no such webhook.");
  },
);

/** DELETE /api/v1/webhooks/{id}: unsubscribe (again: the same answer). */
export const deleteWebhookRoute = apiRoute(
  "customer",
  z.object({ params: WebhookId, query: none.loose() }),
  async ({ params }, { actor, now }) => {
    const result = await deleteWebhook(db, actor, params.webhookId, now);
    if (!result.ok) return apiCommandError(result.error);
    return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
  },
);

/** POST /api/v1/webhooks/{id}/test: send a `webhook.test` event; 202 with its ids. */
export const testWebhookRoute = apiRoute(
  "customer",
  z.object({ params: WebhookId, query: none.loose() }),
  async ({ params }, { actor, now }) => {
    const result = await testWebhook(db, actor, params.webhookId, now);
    if (!result.ok) return apiCommandError(result.error);
    return apiJson(result.value, { status: 202 });
  },
);
