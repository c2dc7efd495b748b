import { db } from "@/lib/server/db.ts";
import { sharedLimiter } from "@/lib/server/rate-limit.ts";
import { statusPageResponse } from "@/lib/server/status-links/status-response.ts";
import {
  DATABASE_RETRY_AFTER_SECONDS,
  guardDatabase,
  type DatabaseFault,
} from "@/lib/server/http/database-unavailable.ts";

/**
 * The customer's read-only status page, `/status/<token>`. A route handler, not a page: it answers
 * one complete HTML document with no JavaScript at all, where an App Router page would ship the
 * framework's client runtime (about 130 KB gzip) to show static text. No sign-in: the token is the
 * key, and it leads to one job only.
 */
export const dynamic = "force-dynamic";

/**
 * 60 requests a minute per client address: plenty for a person reloading, little for a scraper.
 * Counted in the database, so every instance shares it.
 */
const limiter = sharedLimiter({ name: "status-page", limit: 60, windowSeconds: 60 });

type Context = { params: Promise<{ token: string }> };

/** The database does not answer: a plain 503 that says to come back, no page of ours to fail. */
function unavailable(_fault: DatabaseFault, message: string): Response {
  return new Response(`Dockside is not answering just now. ${message}\n`, {
    status: 503,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "private, no-store",
      "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS),
      "X-Content-Type-Options": "nosniff",
      "X-Robots-Tag": "noindex, nofollow",
      "Referrer-Policy": "no-referrer",
    },
  });
}

const answer = guardDatabase(unavailable, async (request: Request, context: Context) => {
  const { token } = await context.params;
  return statusPageResponse(db, limiter, request, token, new Date());
});

export const GET = answer;
export const HEAD = answer;
