import { describe, expect, it } from "vitest";
import { sharedRead } from "./shared-read.ts";

const at = (ms: number) => new Date(Date.UTC(2026, 11, 2) + ms);

describe("sharedRead", () => {
  it("shares one computation among the requests within its freshness, then computes again", async () => {
    let calls = 0;
    const read = sharedRead(2_000, async (now) => {
      calls++;
      return now.getTime();
    });
    const [a, b, c] = await Promise.all([read(at(0)), read(at(10)), read(at(1_999))]);
    expect(calls).toBe(1);
    expect([a, b, c]).toEqual([at(0).getTime(), at(0).getTime(), at(0).getTime()]);
    expect(await read(at(2_000))).toBe(at(2_000).getTime());
    expect(calls).toBe(2);
  });

  it("keeps no failure: the next request computes again", async () => {
    let calls = 0;
    const read = sharedRead(10_000, async () => {
      calls++;
      if (calls === 1) throw new Error("database gone");
      return "figures";
    });
    await expect(read(at(0))).rejects.toThrow("database gone");
    expect(await read(at(5))).toBe("figures");
    expect(calls).toBe(2);
  });

  it("a request with an earlier clock than the shared one computes its own answer", async () => {
    let calls = 0;
    const read = sharedRead(2_000, async (now) => {
      calls++;
      return now.getTime();
    });
    await read(at(1_000));
    expect(await read(at(0))).toBe(at(0).getTime());
    expect(calls).toBe(2);
  });
});
