import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { isForbiddenAddress } from "./address-guard.ts";
import type { SendOutcome } from "./worker.ts";

export const WEBHOOK_TIMEOUT_MS = 10_000;

export type WebhookPolicy = { allowPrivateAddresses: boolean; allowHttp: boolean };

/** Whether a subscription's URL may be stored: https (http only if allowed), no credentials. */
export function webhookUrlProblem(raw: string, policy: WebhookPolicy): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "The URL is not a valid absolute URL.";
  }
  if (url.protocol !== "https:" && !(policy.allowHttp && url.protocol === "http:")) {
    return "The URL must start with https://.";
  }
  if (url.username || url.password) return "The URL must not carry a user name or password.";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) && !policy.allowPrivateAddresses && isForbiddenAddress(host)) {
    return "The URL points at a private, loopback or link-local address.";
  }
  if (
    !policy.allowPrivateAddresses &&
    /^(localhost|.*\.localhost|.*\.local|.*\.internal)$/i.test(host)
  ) {
    return "The URL points at a local host name.";
  }
  return null;
}

class ForbiddenAddress extends Error {}

/**
 * DNS resolution that refuses forbidden addresses: the check happens on the address the socket is
 * about to connect to, so a name that resolves to 127.0.0.1 (or changes its answer between a check
 * and the connection: DNS rebinding) is refused too.
 */
function guardedLookup(policy: WebhookPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, "", 0);
      const list = (addresses as unknown as LookupAddress[]).filter(
        (a) => policy.allowPrivateAddresses || !isForbiddenAddress(a.address),
      );
      if (list.length === 0) {
        return callback(new ForbiddenAddress("forbidden address") as NodeJS.ErrnoException, "", 0);
      }
      if ((options as { all?: boolean }).all) return callback(null, list as never, 0);
      return callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

/**
 * POST one webhook delivery: short timeouts, no redirect followed (a 3xx is a failure), the
 * address checked at connection time. Success is any 2xx.
 */
export function postWebhook(
  target: string,
  body: string,
  headers: Record<string, string>,
  policy: WebhookPolicy,
): Promise<SendOutcome> {
  const problem = webhookUrlProblem(target, policy);
  if (problem) return Promise.resolve({ ok: false, error: problem });
  const url = new URL(target);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) && !policy.allowPrivateAddresses && isForbiddenAddress(host)) {
    return Promise.resolve({ ok: false, error: "The URL points at a forbidden address." });
  }
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    const req = client.request(
      url,
      {
        method: "POST",
        headers: {
          ...headers,
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
          "user-agent": "Dockside-Webhooks/1",
        },
        lookup: guardedLookup(policy),
        timeout: WEBHOOK_TIMEOUT_MS,
        agent: false,
      },
      (res) => {
        res.resume(); // the answer's body is not read
        const status = res.statusCode ?? 0;
        res.on("end", () => undefined);
        if (status >= 200 && status < 300) resolve({ ok: true });
        else if (status >= 300 && status < 400)
          resolve({ ok: false, error: `HTTP ${status}: redirects are not followed.` });
        else resolve({ ok: false, error: `HTTP ${status} from the receiver.` });
      },
    );
    const deadline = setTimeout(() => req.destroy(new Error("timeout")), WEBHOOK_TIMEOUT_MS);
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (e) => {
      clearTimeout(deadline);
      if (
        e instanceof ForbiddenAddress ||
        (e as { cause?: unknown }).cause instanceof ForbiddenAddress
      ) {
        resolve({
          ok: false,
          error: "The host resolves to a private, loopback or link-local address: refused.",
        });
      } else if (e.message === "timeout") {
        resolve({ ok: false, error: `No answer within ${WEBHOOK_TIMEOUT_MS / 1000} s.` });
      } else {
        const code = (e as { code?: unknown }).code;
        resolve({
          ok: false,
          error: `Could not connect${typeof code === "string" ? ` (${code})` : ""}.`,
        });
      }
    });
    req.on("close", () => clearTimeout(deadline));
    req.end(body);
  });
}
