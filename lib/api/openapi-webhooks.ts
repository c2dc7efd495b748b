import { ref, zodComponents } from "@/lib/api/zod-components.ts";
import { CreateWebhookInput } from "@/lib/validation/webhooks.ts";

/** The Webhooks part of the public API (lib/server/http/webhook-routes.ts). */
export const webhookOpenApiSchemas: Record<string, unknown> = {
  ...zodComponents([CreateWebhookInput], "input"),
  Webhook: {
    type: "object",
    required: ["id", "url", "events", "createdAt"],
    properties: {
      id: { type: "string", format: "uuid" },
      url: { type: "string" },
      events: { type: "array", items: { type: "string" } },
      createdAt: { type: "string", format: "date-time" },
      secret: {
        type: "string",
        description: "The signing secret (whsec_…): only in the answer that created the webhook.",
      },
    },
  },
  WebhookDelivery: {
    type: "object",
    properties: {
      id: { type: "string", description: "The delivery's id, sent as `X-Dockside-Delivery`." },
      eventId: { type: "string", description: "The event's id: the body's `id`." },
      type: { type: "string" },
      jobName: { type: ["string", "null"] },
      status: { enum: ["queued", "sent", "failed"] },
      attempts: { type: "integer" },
      lastError: { type: ["string", "null"] },
      nextAttemptAt: { type: ["string", "null"], format: "date-time" },
      sentAt: { type: ["string", "null"], format: "date-time" },
      createdAt: { type: "string", format: "date-time" },
    },
  },
};

const TAG = "Webhooks";
const SECURITY = [{ bearerAuth: [] }, { apiKeyHeader: [] }];
const error = (description: string) => ({
  description,
  content: { "application/json": { schema: ref("ApiError") } },
});
const AUTH = {
  "401": error("No API key, or an unknown or revoked one."),
  "403": error("Not a customer key."),
};
const ID = {
  name: "webhookId",
  in: "path",
  required: true,
  schema: { type: "string", format: "uuid" },
};

const VERIFY = [
  "Each delivery is a `POST` of JSON `{ id, type, createdAt, data }` (`data.job` is the job as Get Job returns it, null once deleted), with the headers `Dockside-Signature: t=<unix seconds>,v1=<hex>`, `X-Dockside-Event: <id>` and `X-Dockside-Delivery`. `v1` is HMAC-SHA256 with your secret over `<t>.<raw body>`. Verify it before trusting the body, refuse an old `t` (replays), and drop an `id` you have already handled: deliveries are at least once, tried again with growing pauses for 24 hours until you answer 2xx. Redirects are not followed; answer within 10 s.",
  '```js\nimport { createHmac, timingSafeEqual } from "node:crypto";\nfunction verify(header, rawBody, secret, toleranceSeconds = 300) {\n  const parts = Object.fromEntries(header.split(",").map((p) => p.split("=")));\n  const t = Number(parts.t);\n  if (!t || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;\n  const expected = createHmac("sha256", secret).update(`${t}.${rawBody}`).digest();\n  const given = Buffer.from(parts.v1 ?? "", "hex");\n  return given.length === expected.length && timingSafeEqual(expected, given);\n}\n```',
].join("\n\n");

export const webhookOpenApiPaths: Record<string, Record<string, unknown>> = {
  "/api/v1/webhooks": {
    get: {
      tags: [TAG],
      operationId: "Webhooks_List",
      summary: "Your webhook subscriptions",
      security: SECURITY,
      responses: {
        "200": {
          description: "`{ value: Webhook[] }`, without secrets.",
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: { value: { type: "array", items: ref("Webhook") } },
              },
            },
          },
        },
        ...AUTH,
      },
    },
    post: {
      tags: [TAG],
      operationId: "Webhooks_Create",
      summary: "Subscribe an https URL to job events",
      description: `Only https URLs on public addresses: private, loopback and link-local addresses are refused, also when a name resolves to one at delivery time. The same URL again updates the events of the live subscription (200, no secret).\n\n${VERIFY}`,
      security: SECURITY,
      requestBody: {
        required: true,
        content: { "application/json": { schema: ref("WebhookInput") } },
      },
      responses: {
        "201": {
          description: "Created; `secret` is shown this once.",
          content: { "application/json": { schema: ref("Webhook") } },
        },
        "200": {
          description: "Already subscribed: events updated.",
          content: { "application/json": { schema: ref("Webhook") } },
        },
        "400": error(
          "`InvalidRequest`: the URL is not https, points at a private address, or an event type is unknown.",
        ),
        ...AUTH,
      },
    },
  },
  "/api/v1/webhooks/{webhookId}": {
    get: {
      tags: [TAG],
      operationId: "Webhooks_Get",
      summary: "One subscription and its latest 50 deliveries",
      security: SECURITY,
      parameters: [ID],
      responses: {
        "200": {
          description: "The webhook with `deliveries: WebhookDelivery[]`, newest first.",
          content: {
            "application/json": {
              schema: {
                allOf: [
                  ref("Webhook"),
                  {
                    type: "object",
                    properties: { deliveries: { type: "array", items: ref("WebhookDelivery") } },
                  },
                ],
              },
            },
          },
        },
        "404": error("`NotFound`: no such webhook of yours."),
        ...AUTH,
      },
    },
    delete: {
      tags: [TAG],
      operationId: "Webhooks_Delete",
      summary: "Unsubscribe (again: the same answer)",
      security: SECURITY,
      parameters: [ID],
      responses: {
        "204": { description: "Deleted; its queued deliveries are dropped." },
        "404": error("`NotFound`."),
        ...AUTH,
      },
    },
  },
  "/api/v1/webhooks/{webhookId}/test": {
    post: {
      tags: [TAG],
      operationId: "Webhooks_Test",
      summary: "Send a `webhook.test` event to this subscription",
      security: SECURITY,
      parameters: [ID],
      responses: {
        "202": {
          description: "Queued: `{ eventId, deliveryId }`; see the delivery log for the outcome.",
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: { eventId: { type: "string" }, deliveryId: { type: "string" } },
              },
            },
          },
        },
        "404": error("`NotFound`."),
        ...AUTH,
      },
    },
  },
};
