import { describe, expect, it } from "vitest";
import { clientKey } from "./rate-limit.ts";

describe("clientKey", () => {
  it("is the address our nearest proxy appended (the last X-Forwarded-For entry), else one fixed key", () => {
    expect(clientKey(new Headers({ "x-forwarded-for": " 203.0.113.7 , 10.0.0.1" }))).toBe(
      "10.0.0.1",
    );
    expect(clientKey(new Headers({ "x-forwarded-for": "2001:DB8::1" }))).toBe("2001:db8::1");
    expect(clientKey(new Headers())).toBe("direct");
    expect(clientKey(new Headers({ "x-forwarded-for": " , " }))).toBe("direct");
  });

  it("cannot be chosen by the client: a forged first entry changes nothing", () => {
    const forged = (fake: string) =>
      clientKey(new Headers({ "x-forwarded-for": `${fake}, 198.51.100.4` }));
    expect(new Set(["1.1.1.1", "2.2.2.2", "3.3.3.3"].map(forged))).toEqual(
      new Set(["198.51.100.4"]),
    );
  });

  it("with two proxies in front, takes the entry the outer proxy wrote", () => {
    const h = new Headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.4, 10.0.0.2" });
    expect(clientKey(h, 2)).toBe("198.51.100.4");
    expect(clientKey(new Headers({ "x-forwarded-for": "10.0.0.2" }), 2)).toBe("10.0.0.2");
  });
});
