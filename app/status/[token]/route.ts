import { db } from "@/lib/server/db.ts";
import { SlidingWindowLimiter } from "@/lib/server/rate-limit.ts";
import { statusPageResponse } from "@/lib/server/status-links/status-response.ts";

/**
 * The customer's read-only status page, `/status/<token>`. A route handler, not a page: it answers
 * one complete HTML document with no JavaScript at all, where an App Router page would ship the
 * framework's client runtime (about 130 KB gzip) to show static text. No sign-in: the token is the
 * key, and it leads to one job only.
 */
export const dynamic = "force-dynamic";

/** 60 requests a minute per client address: plenty for a person reloading, little for a scraper. */
const limiter = new SlidingWindowLimiter({ limit: 60, windowMs: 60_000 });

type Context = { params: Promise<{ token: string }> };

export async function GET(request: Request, context: Context): Promise<Response> {
  const { token } = await context.params;
  return statusPageResponse(db, limiter, request, token, new Date());
}

export async function HEAD(request: Request, context: Context): Promise<Response> {
  const { token } = await context.params;
  return statusPageResponse(db, limiter, request, token, new Date());
}
