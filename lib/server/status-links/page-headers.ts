// Pure (no database): the proxy answers malformed /status/ paths with the same headers.

/**
 * Headers of every answer of /status/<token>: private and never stored (the page is the
 * customer's), kept out of search engines, and the token in the URL never sent on as a referrer.
 * The page has no script at all, so its own CSP allows none.
 */
export function pageHeaders(lang: string, extra: Record<string, string> = {}): Headers {
  return new Headers({
    "Content-Type": "text/html; charset=utf-8",
    "Content-Language": lang,
    "Cache-Control": "private, no-store",
    "X-Robots-Tag": "noindex, nofollow",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy":
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    Vary: "Accept-Language",
    ...extra,
  });
}
