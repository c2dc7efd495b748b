import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BURST,
  burstText,
  continuesRun,
  endsBurst,
  fastRun,
  isBurst,
  remember,
  type KeyStroke,
} from "./scanner-burst.ts";

/** A code typed with `gap` ms between keys, starting at `from`. */
const typed = (code: string, gap: number, from = 1000): KeyStroke[] =>
  [...code].map((key, i) => ({ key, at: from + i * gap }));

describe("scanner bursts, from key timings alone (issue 13, hazards 1 and 2)", () => {
  it("a scanner at 5 ms a key is a burst from its fourth character, and its Enter ends it", () => {
    const keys = typed("UX451366K2", 5);
    expect(isBurst(keys.slice(0, 3))).toBe(false);
    expect(isBurst(keys.slice(0, 4))).toBe(true);
    expect(endsBurst(keys, keys.at(-1)!.at + 5)).toBe(true);
    expect(burstText(keys)).toBe("UX451366K2");
  });

  it("a person typing 100 ms a key is never a burst, and their Enter activates what has focus", () => {
    const keys = typed("UX451366K2", 100);
    expect(isBurst(keys)).toBe(false);
    expect(endsBurst(keys, keys.at(-1)!.at + 5)).toBe(false);
    expect(endsBurst(keys, keys.at(-1)!.at + 100)).toBe(false);
  });

  it("an Enter long after a burst is a person's Enter", () => {
    const keys = typed("UX451366K2", 5);
    expect(endsBurst(keys, keys.at(-1)!.at + 400)).toBe(false);
  });

  it("a burst right after a person's keys starts fresh: only the fast run is the code", () => {
    const keys = [...typed("ab", 200, 0), ...typed("WD-WCC4E1234567", 4, 2000)];
    expect(burstText(keys)).toBe("WD-WCC4E1234567");
    expect(fastRun(keys)).toHaveLength(15);
  });

  it("a short fast run (three characters) is not a burst", () => {
    expect(isBurst(typed("abc", 5))).toBe(false);
    expect(endsBurst(typed("abc", 5), 1015)).toBe(false);
  });

  it("modifier and named keys do not count as characters", () => {
    const keys: KeyStroke[] = [
      { key: "Shift", at: 0 },
      { key: "A", at: 2 },
      { key: "Shift", at: 4 },
      { key: "B", at: 6 },
      { key: "C", at: 8 },
    ];
    expect(isBurst(keys)).toBe(false);
    expect(isBurst([...keys, { key: "D", at: 10 }])).toBe(true);
  });

  it("continuesRun is exactly 'closer than the gap'", () => {
    const keys = typed("A", 5, 100);
    expect(continuesRun(keys, 100 + BURST.maxGapMs - 1)).toBe(true);
    expect(continuesRun(keys, 100 + BURST.maxGapMs)).toBe(false);
    expect(continuesRun([], 100)).toBe(false);
  });

  it("any code at any machine speed is a burst that ends in its Enter; at any human speed never", () => {
    const code = fc.string({ unit: fc.constantFrom(..."ABZ019-"), minLength: 4, maxLength: 40 });
    fc.assert(
      fc.property(code, fc.integer({ min: 0, max: BURST.maxGapMs - 1 }), (c, gap) => {
        const keys = typed(c, gap);
        expect(endsBurst(keys, keys.at(-1)!.at + gap)).toBe(true);
        expect(burstText(keys)).toBe(c);
      }),
    );
    fc.assert(
      fc.property(code, fc.integer({ min: BURST.maxGapMs, max: 1000 }), (c, gap) => {
        const keys = typed(c, gap);
        expect(isBurst(keys)).toBe(false);
        expect(endsBurst(keys, keys.at(-1)!.at + gap)).toBe(false);
      }),
    );
  });

  it("remember keeps the most recent keys only", () => {
    let keys: KeyStroke[] = [];
    for (let i = 0; i < BURST.keep + 10; i++) keys = remember(keys, { key: "x", at: i });
    expect(keys).toHaveLength(BURST.keep);
    expect(keys[0]!.at).toBe(10);
  });
});
