import "server-only";

const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The public origin the customer's link starts with: NEXTAUTH_URL when set (production must set
 * it to the public URL, README), else the origin the supervisor's own request came to, through the
 * proxy's X-Forwarded-Host/-Proto when there is one. Anything malformed is ignored.
 */
export function publicOrigin(headers: Headers, configuredUrl: string | undefined): string | null {
  if (configuredUrl) {
    try {
      const u = new URL(configuredUrl);
      if (u.protocol === "http:" || u.protocol === "https:") return u.origin;
    } catch {
      // fall through to the request's own origin
    }
  }
  const host = (headers.get("x-forwarded-host") ?? headers.get("host"))?.split(",")[0]?.trim();
  if (!host || !HOST.test(host)) return null;
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  const proto = forwarded === "https" || forwarded === "http" ? forwarded : "http";
  return `${proto}://${host}`;
}

/** The customer's page for a token. Relative when the origin is unknown: the UI still shows it. */
export function statusLinkUrl(origin: string | null, token: string): string {
  const path = `/status/${encodeURIComponent(token)}`;
  return origin ? `${origin}${path}` : path;
}
