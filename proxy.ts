import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { env } from "@/lib/env.ts";
import { hasMalformedEscape, isSameOrigin } from "@/lib/http/request-guards.ts";
import { pageHeaders } from "@/lib/server/status-links/page-headers.ts";
import { pickLocale } from "@/lib/status-page/locale.ts";
import { renderNotFoundPage } from "@/lib/status-page/render.ts";

/** Console areas: a visitor without a session is sent to sign in first. */
const CONSOLE = [
  "/dashboard",
  "/jobs",
  "/admin",
  "/dock",
  "/faults",
  "/incidents",
  "/help",
  "/labels",
];

function contentSecurityPolicy(nonce: string): string {
  const dev = env().NODE_ENV !== "production";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (progress bars) need this; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * A path with a broken percent-escape (`/status/abc%`) makes Next.js itself fail with a 500 before
 * any route runs: answer here instead. The status page gives its one plain 404 (the same page as
 * for any unknown token), the API a JSON 404, a page the site's not-found page.
 */
function malformedPath(request: NextRequest): NextResponse | Response {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith("/status/")) {
    const locale = pickLocale({
      query: request.nextUrl.searchParams.get("lang"),
      acceptLanguage: request.headers.get("accept-language"),
    });
    return new Response(request.method === "HEAD" ? null : renderNotFoundPage(locale), {
      status: 404,
      headers: pageHeaders(locale.lang),
    });
  }
  const azurePath = pathname.startsWith("/subscriptions/") || pathname.startsWith("/providers/");
  if (pathname.startsWith("/api/") || azurePath) {
    const message = "There is nothing at this address (it has a malformed percent-escape).";
    const code = pathname.startsWith("/api/v1/") || azurePath ? "NotFound" : "not_found";
    return Response.json(
      { error: { code, message } },
      { status: 404, headers: { "cache-control": "no-store" } },
    );
  }
  return NextResponse.rewrite(new URL("/_not-found-malformed-path", request.url));
}

/**
 * Runs before every request but static files: a fresh CSP nonce per request (Next.js puts it on
 * its own scripts), on pages, prefetches, the 404 page and API answers alike; server actions from
 * another site refused with 403 (Next.js would answer 500); and a redirect to sign in for
 * signed-out visitors of the console. Only a convenience for authorization: every page, server
 * action and route handler authorizes on its own (lib/server/authorize.ts).
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce);
  const withCsp = <R extends Response>(response: R): R => {
    // The status page (a route handler with no script at all) sets its own stricter CSP.
    if (!pathname.startsWith("/status/")) response.headers.set("Content-Security-Policy", csp);
    return response;
  };

  if (hasMalformedEscape(pathname)) return withCsp(malformedPath(request));

  if (
    request.method === "POST" &&
    request.headers.has("next-action") &&
    !isSameOrigin(request.headers)
  ) {
    return withCsp(
      new NextResponse("This form was sent from another site: Dockside refuses it.", {
        status: 403,
        headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
      }),
    );
  }

  // Page visits only: a server action POSTed without a session reaches the action, which refuses
  // it with a message the form shows ("You are signed out...") instead of a redirect it cannot use.
  const navigation = request.method === "GET" || request.method === "HEAD";
  if (navigation && CONSOLE.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    const token = await getToken({ req: request });
    if (!token) {
      const signIn = new URL("/sign-in", request.url);
      signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
      return withCsp(NextResponse.redirect(signIn));
    }
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  return withCsp(NextResponse.next({ request: { headers: requestHeaders } }));
}

export const config = {
  // Everything but the build's static files: prefetches (`Next-Router-Prefetch`, `Purpose:
  // prefetch`), the 404 page and API answers get the CSP too.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
