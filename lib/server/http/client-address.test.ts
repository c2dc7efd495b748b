import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import {
  clientAddress,
  peerAddress,
  trustedProxyCount,
  UNKNOWN_ADDRESS,
} from "./client-address.ts";
import { installPeerStamp, PEER_HEADER, peerStamp, peerStampSecret } from "./peer-stamp.ts";

const SECRET = "s3cret";
const stamped = (address: string, more: Record<string, string> = {}) =>
  new Headers({ [PEER_HEADER]: peerStamp(SECRET, address), ...more });

describe("the client address", () => {
  it("trusts no header by default: the TCP peer, whatever X-Forwarded-For says", () => {
    expect(trustedProxyCount({})).toBe(0);
    for (const forged of ["198.51.100.1", "198.51.100.1, 10.0.0.1", "evil"]) {
      expect(clientAddress(stamped("203.0.113.7", { "x-forwarded-for": forged }), 0, SECRET)).toBe(
        "203.0.113.7",
      );
    }
  });

  it("a peer header the client wrote itself (not signed by this process) is ignored", () => {
    expect(peerAddress(stamped("203.0.113.7"), "another-secret")).toBeNull();
    expect(peerAddress(new Headers({ [PEER_HEADER]: "203.0.113.7" }), SECRET)).toBeNull();
    expect(peerAddress(stamped("203.0.113.7"), undefined)).toBeNull();
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.2.3.4" }), 0, SECRET)).toBe(
      UNKNOWN_ADDRESS,
    );
  });

  it("one IPv4 client is one key, with or without the IPv6-mapped prefix", () => {
    expect(clientAddress(stamped("::ffff:203.0.113.7"), 0, SECRET)).toBe("203.0.113.7");
    expect(clientAddress(stamped("2001:DB8::1"), 0, SECRET)).toBe("2001:db8::1");
  });

  it("behind N proxies: the entry our outermost proxy appended, never one to its left", () => {
    const h = (xff: string) => stamped("10.0.0.9", { "x-forwarded-for": xff });
    expect(clientAddress(h("203.0.113.7"), 1, SECRET)).toBe("203.0.113.7");
    expect(clientAddress(h("1.1.1.1, 2.2.2.2, 203.0.113.7"), 1, SECRET)).toBe("203.0.113.7");
    expect(clientAddress(h("1.1.1.1, 203.0.113.7, 10.0.0.2"), 2, SECRET)).toBe("203.0.113.7");
    expect(clientAddress(h(""), 1, SECRET)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(h("203.0.113.7"), 2, SECRET)).toBe(UNKNOWN_ADDRESS);
  });

  it("DOCKSIDE_TRUSTED_PROXIES: a small whole number, else 0", () => {
    expect(trustedProxyCount({ DOCKSIDE_TRUSTED_PROXIES: "2" })).toBe(2);
    for (const bad of ["-1", "1.5", "x", "99"]) {
      expect(trustedProxyCount({ DOCKSIDE_TRUSTED_PROXIES: bad }), bad).toBe(0);
    }
  });
});

describe("the peer stamp on a real HTTP server", () => {
  it("stamps every request with the socket's address, over any header the client sent", async () => {
    installPeerStamp();
    const server = http.createServer((req, res) => {
      const headers = new Headers(req.headers as Record<string, string>);
      res.end(JSON.stringify({ address: clientAddress(headers, 0) }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await fetch(`http://127.0.0.1:${port}/`, {
        headers: {
          [PEER_HEADER]: `${peerStampSecret()} 198.51.100.66`,
          "x-forwarded-for": "1.2.3.4",
        },
      });
      expect(await answer.json()).toEqual({ address: "127.0.0.1" });
    } finally {
      server.close();
    }
  });
});
