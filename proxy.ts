import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";

/** Console areas: a visitor without a session is sent to sign in first. */
const CONSOLE = ["/jobs", "/admin", "/dock", "/faults", "/incidents", "/help"];

/**
 * Runs before every page: a fresh CSP nonce per request (Next.js puts it on its own scripts), and
 * a redirect to sign in for signed-out visitors of the console. It is a convenience only: every
 * page, server action and route handler authorizes on its own (lib/server/authorize.ts).
 */
export async function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const dev = process.env.NODE_ENV !== "production";
  const csp = [
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

  const { pathname, search } = request.nextUrl;
  // Page visits only: a server action POSTed without a session reaches the action, which refuses
  // it with a message the form shows ("You are signed out...") instead of a redirect it cannot use.
  const navigation = request.method === "GET" || request.method === "HEAD";
  if (navigation && CONSOLE.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    const token = await getToken({ req: request });
    if (!token) {
      const signIn = new URL("/sign-in", request.url);
      signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
      return NextResponse.redirect(signIn);
    }
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      // The status page (a route handler with no script) sets its own stricter CSP. The Azure
      // Resource Manager paths of the Job API (/subscriptions/..., /providers/...) are route
      // handlers that authenticate by API key, like /api: no session, no redirect, no page CSP.
      source: "/((?!api|status/|subscriptions/|providers/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
