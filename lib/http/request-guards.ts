/**
 * Checks on a request before anything reads it, shared by the proxy (pages, server actions) and the
 * route wrappers (lib/server/http). Plain Web APIs only: the proxy runs them too.
 */
import { env } from "@/lib/env.ts";

/** True when a path segment holds a percent sign that does not start a valid UTF-8 escape. */
export function hasMalformedEscape(pathname: string): boolean {
  for (const segment of pathname.split("/")) {
    if (!segment.includes("%")) continue;
    try {
      decodeURIComponent(segment);
    } catch {
      return true;
    }
  }
  return false;
}

/** The hosts a browser of ours may name in `Origin`: the Host it asked, and the public URL's. */
function allowedHosts(headers: Headers, publicUrl: string | undefined): Set<string> {
  const hosts = new Set<string>();
  const host = headers.get("host");
  if (host) hosts.add(host.toLowerCase());
  // Set by our own proxy when one stands in front (a browser cannot set it on a cross-site form).
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  if (forwarded) hosts.add(forwarded.toLowerCase());
  if (publicUrl) {
    try {
      hosts.add(new URL(publicUrl).host.toLowerCase());
    } catch {
      // A malformed NEXTAUTH_URL is a configuration error reported elsewhere; it allows nothing.
    }
  }
  return hosts;
}

/**
 * Did this request come from a page of this site? Browsers send `Origin` (and `Sec-Fetch-Site`)
 * on every POST; a request with neither is not from a browser, and so cannot be a cross-site
 * forgery riding on someone's cookie. `Origin: null` (sandboxed frames, some redirects) is foreign.
 */
export function isSameOrigin(
  headers: Headers,
  publicUrl: string | undefined = env().NEXTAUTH_URL,
): boolean {
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = headers.get("origin");
  if (origin === null) return true;
  let host: string;
  try {
    host = new URL(origin).host.toLowerCase();
  } catch {
    return false;
  }
  return allowedHosts(headers, publicUrl).has(host);
}

/** `application/json`, with or without parameters (`; charset=utf-8`). */
export function isJsonContentType(headers: Headers): boolean {
  const type = headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  return type === "application/json";
}
