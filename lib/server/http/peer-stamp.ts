import { randomBytes } from "node:crypto";
import http from "node:http";
import https from "node:https";

/**
 * Next.js hands route handlers no socket, only headers; and `next start` fills in
 * `X-Forwarded-For` with the peer's address only when the client did not send one, so a client
 * can put any address there. This stamps every incoming request, before Next.js sees it, with the
 * address of the TCP peer in a header of our own, signed with a secret of this process: a client
 * that sends the header itself is overwritten, and without the stamp (no server of ours in
 * front) the header is ignored (lib/server/http/client-address.ts).
 */
export const PEER_HEADER = "x-dockside-peer";
const SECRET_KEY = Symbol.for("dockside.peer-stamp.secret");

type WithSecret = { [SECRET_KEY]?: string };

/** The process's stamp secret, once installed. */
export function peerStampSecret(): string | undefined {
  return (globalThis as WithSecret)[SECRET_KEY];
}

/** The stamp for one peer address, as installPeerStamp() writes it. */
export function peerStamp(secret: string, address: string): string {
  return `${secret} ${address}`;
}

/** Install once per process (instrumentation.ts). Idempotent. */
export function installPeerStamp(): void {
  const global = globalThis as WithSecret;
  if (global[SECRET_KEY]) return;
  const secret = randomBytes(18).toString("base64url");
  global[SECRET_KEY] = secret;
  for (const Server of [http.Server, https.Server]) {
    const emit = Server.prototype.emit as (event: string | symbol, ...args: unknown[]) => boolean;
    Server.prototype.emit = function (
      this: http.Server,
      event: string | symbol,
      ...args: unknown[]
    ) {
      if (event === "request" || event === "upgrade") {
        const request = args[0] as http.IncomingMessage;
        request.headers[PEER_HEADER] = peerStamp(secret, request.socket?.remoteAddress ?? "");
      }
      return emit.call(this, event, ...args);
    } as typeof Server.prototype.emit;
  }
}
