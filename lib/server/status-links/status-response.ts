import "server-only";
import type { Db } from "@/lib/server/db.ts";
import { clientAddress } from "@/lib/server/http/client-address.ts";
import type { RateDecision, SharedLimiter } from "@/lib/server/rate-limit.ts";
import { statusPageForToken } from "@/lib/server/status-links/queries.ts";
import { pageHeaders } from "@/lib/server/status-links/page-headers.ts";
import { pickLocale } from "@/lib/status-page/locale.ts";
import {
  renderNotFoundPage,
  renderRateLimitedPage,
  renderStatusPage,
} from "@/lib/status-page/render.ts";

/** What this page needs of a rate limiter: count one request for a key, or say how long to wait. */
export type StatusPageLimiter = { take(key: string): RateDecision | Promise<RateDecision> };

/**
 * Answer one request for a status page: rate-limited per client address, in the reader's
 * language; 404 for any token that does not lead to a live job, the same page whatever the reason.
 */
export async function statusPageResponse(
  database: Db,
  limiter: SharedLimiter,
  request: Request,
  token: string,
  now: Date,
): Promise<Response> {
  const head = request.method === "HEAD";
  const url = new URL(request.url);
  const locale = pickLocale({
    query: url.searchParams.get("lang"),
    acceptLanguage: request.headers.get("accept-language"),
  });
  const reply = (status: number, body: string, extra: Record<string, string> = {}) =>
    new Response(head ? null : body, { status, headers: pageHeaders(locale.lang, extra) });

  const rate = await limiter.take(`status:${clientAddress(request.headers)}`);
  if (!rate.ok) {
    return reply(429, renderRateLimitedPage(locale, rate.retryAfterSeconds), {
      "Retry-After": String(rate.retryAfterSeconds),
    });
  }
  const view = await statusPageForToken(database, token, now);
  if (!view) return reply(404, renderNotFoundPage(locale));
  return reply(200, renderStatusPage(view, locale));
}
