import { env, parseEnv } from "@/lib/env.ts";
import { PEER_HEADER, peerStampSecret } from "@/lib/server/http/peer-stamp.ts";

/**
 * The client's address, for rate limits and sign-in throttling. `DOCKSIDE_TRUSTED_PROXIES` says
 * how many proxies of ours stand in front of the app (default 0):
 * - 0: no header is trusted; the address is the TCP peer's (stamped by peer-stamp.ts).
 * - N: each proxy appends the address it got the request from to `X-Forwarded-For`, so the
 *   N-th entry from the right was written by our outermost proxy and is the client's; everything
 *   left of it came from the client and may be forged.
 * When the address cannot be known, every such client shares the key "unknown": a limit that is
 * too strict there is better than one a client can dodge.
 */
export const UNKNOWN_ADDRESS = "unknown";

export function trustedProxyCount(source?: Record<string, string | undefined>): number {
  return (source ? parseEnv(source) : env()).DOCKSIDE_TRUSTED_PROXIES;
}

function normalize(address: string): string {
  const a = address.trim().toLowerCase().slice(0, 100);
  // IPv4 peers of a dual-stack socket read "::ffff:203.0.113.7": one address, one key.
  return a.startsWith("::ffff:") && a.includes(".") ? a.slice(7) : a;
}

/** The TCP peer, when this process stamped the request; else null (never the client's word). */
export function peerAddress(headers: Headers, secret = peerStampSecret()): string | null {
  const stamp = headers.get(PEER_HEADER);
  if (!secret || !stamp) return null;
  const [given, address] = stamp.split(" ", 2);
  return given === secret && address ? normalize(address) : null;
}

export function clientAddress(
  headers: Headers,
  trustedProxies = trustedProxyCount(),
  secret = peerStampSecret(),
): string {
  if (trustedProxies === 0) return peerAddress(headers, secret) ?? UNKNOWN_ADDRESS;
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  const seenByOurProxy = entries[entries.length - trustedProxies];
  return seenByOurProxy ? normalize(seenByOurProxy) : UNKNOWN_ADDRESS;
}

/** next-auth hands `authorize()` the request's headers as a plain object. */
export function clientAddressOf(
  headers: Record<string, string | string[] | undefined> | undefined,
): string {
  const h = new Headers();
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (v !== undefined) h.set(k, Array.isArray(v) ? v.join(", ") : v);
  }
  return clientAddress(h);
}
