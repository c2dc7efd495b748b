import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DriveState } from "./states.ts";
import { editDistance, nearMatches, stillExpected, type ExpectedDrive } from "./near-match.ts";

/** Every string over `alphabet` of length 0..maxLength. */
function allStrings(alphabet: string, maxLength: number): string[] {
  const out = [""];
  let level = [""];
  for (let n = 1; n <= maxLength; n++) {
    level = level.flatMap((s) => [...alphabet].map((c) => s + c));
    out.push(...level);
  }
  return out;
}

/** Every string one edit from `s`: insert, delete, substitute, or swap two neighbours. */
function oneEdit(s: string, alphabet: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i <= s.length; i++) {
    for (const c of alphabet) out.add(s.slice(0, i) + c + s.slice(i));
    if (i < s.length) {
      out.add(s.slice(0, i) + s.slice(i + 1));
      for (const c of alphabet) out.add(s.slice(0, i) + c + s.slice(i + 1));
      if (i + 1 < s.length) out.add(s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2));
    }
  }
  return out;
}

/** The reference: breadth-first over edits, the fewest edits up to `depth` (else depth + 1). */
function distancesUpTo(from: string, alphabet: string, depth: number): Map<string, number> {
  const seen = new Map([[from, 0]]);
  let frontier = [from];
  for (let d = 1; d <= depth; d++) {
    const next: string[] = [];
    for (const s of frontier)
      for (const t of oneEdit(s, alphabet))
        if (!seen.has(t)) {
          seen.set(t, d);
          next.push(t);
        }
    frontier = next;
  }
  return seen;
}

const drive = (
  serial: string,
  state: DriveState = "Specified",
  more: Partial<ExpectedDrive> = {},
): ExpectedDrive => ({ serial, state, extra: false, inboundPackageId: null, ...more });

describe("editDistance (Damerau–Levenshtein)", () => {
  it("R-E5: equals the fewest edits, for every pair of strings over {A, B, C} up to 4 characters (distance ≤ 3)", () => {
    const alphabet = "ABC";
    const strings = allStrings(alphabet, 4);
    for (const a of strings) {
      const reference = distancesUpTo(a, alphabet, 3);
      for (const b of strings) {
        const want = reference.get(b) ?? 4;
        expect(Math.min(editDistance(a, b), 4), `${a} → ${b}`).toBe(want);
      }
    }
  });

  it("is a distance: zero only for equal strings, symmetric, and at most the longer length", () => {
    const serial = fc.string({ unit: fc.constantFrom(..."AB01-XZ"), maxLength: 12 });
    fc.assert(
      fc.property(serial, serial, (a, b) => {
        const d = editDistance(a, b);
        expect(d === 0).toBe(a === b);
        expect(editDistance(b, a)).toBe(d);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(d).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
      }),
    );
  });

  it("R-E5: one typo of any kind is distance 1, a swap of two different neighbours too", () => {
    const serial = fc.string({
      unit: fc.constantFrom(..."ABCDEFXYZ0123456789"),
      minLength: 6,
      maxLength: 20,
    });
    fc.assert(
      fc.property(serial, fc.nat(), fc.constantFrom(..."QW89"), (s, at, c) => {
        const i = at % s.length;
        const typos = [
          s.slice(0, i) + c + s.slice(i + 1),
          s.slice(0, i) + s.slice(i + 1),
          s.slice(0, i) + c + s.slice(i),
        ];
        for (const t of typos) expect(editDistance(s, t)).toBe(t === s ? 0 : 1);
        if (i + 1 < s.length && s[i] !== s[i + 1]) {
          const swapped = s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
          expect(editDistance(s, swapped)).toBe(1);
        }
      }),
    );
  });

  it("counts the classic cases", () => {
    expect(editDistance("UX451366K2", "UX451366K2")).toBe(0);
    expect(editDistance("UX451366K2", "UX451636K2")).toBe(1);
    expect(editDistance("UX451366K2", "UX45136K2")).toBe(1);
    expect(editDistance("UX451366K2", "UX451366KZ")).toBe(1);
    expect(editDistance("CA", "ABC")).toBe(2);
    expect(editDistance("UX451366K2", "ZZ451366K2X")).toBe(3);
    expect(editDistance("", "ABC")).toBe(3);
  });
});

describe("nearMatches: a typo asks before it becomes an extra drive (R-E5, R-D11)", () => {
  const expected = [
    drive("UX451366K2"),
    drive("UX451366K7"),
    drive("WD-WCC4E0000001"),
    drive("ZA1B2C3D"),
  ];

  it("R-E5: one or two edits off an expected drive names it, nearest first, then alphabetically", () => {
    expect(nearMatches("UX451366K3", expected)).toEqual(["UX451366K2", "UX451366K7"]);
    expect(nearMatches("UX451636K2", expected)).toEqual(["UX451366K2", "UX451366K7"]);
    expect(nearMatches("UX415636K2", expected)).toEqual(["UX451366K2"]);
    expect(nearMatches("WD-WCC4E000001", expected)).toEqual(["WD-WCC4E0000001"]);
  });

  it("R-E5: three edits or more is no near match: the scan is an extra drive as before", () => {
    expect(nearMatches("UX999366K2", expected)).toEqual([]);
    expect(nearMatches("S3Z9NB0K123456A", expected)).toEqual([]);
  });

  it("R-D3: the exact serial is never its own near match", () => {
    expect(nearMatches("UX451366K2", [drive("UX451366K2")])).toEqual([]);
  });

  it("R-E5 R-D11 R-E1: only drives still expected count: not extra, not in yet, not held", () => {
    for (const state of ["Received", "Transferring", "Completed", "ShippedBack"] as const)
      expect(nearMatches("UX451366K3", [drive("UX451366K2", state)])).toEqual([]);
    expect(nearMatches("UX451366K3", [drive("UX451366K2", "Received", { extra: true })])).toEqual(
      [],
    );
    expect(
      nearMatches("UX451366K3", [drive("UX451366K2", "Specified", { inboundPackageId: "p" })]),
    ).toEqual([]);
    // R-D10: a drive an earlier close marked never received may still arrive.
    expect(nearMatches("UX451366K3", [drive("UX451366K2", "NeverReceived")])).toEqual([
      "UX451366K2",
    ]);
  });

  it("stillExpected agrees with nearMatches for every state", () => {
    const states: DriveState[] = [
      "Specified",
      "Received",
      "NeverReceived",
      "Transferring",
      "Completed",
      "CompletedMoreInfo",
      "Faulted",
      "ShippedBack",
    ];
    for (const state of states)
      for (const extra of [false, true])
        for (const inboundPackageId of [null, "p"]) {
          const d = drive("UX451366K2", state, { extra, inboundPackageId });
          expect(nearMatches("UX451366K3", [d]).length === 1).toBe(stillExpected(d));
        }
  });

  it("R-E5: any serial within two edits of an expected one is found; each serial once", () => {
    const serial = fc.string({
      unit: fc.constantFrom(..."ABXZ0189-"),
      minLength: 6,
      maxLength: 14,
    });
    fc.assert(
      fc.property(serial, fc.array(serial, { maxLength: 6 }), (scanned, listed) => {
        const found = nearMatches(
          scanned,
          listed.map((s) => drive(s)),
        );
        const want = [...new Set(listed)].filter(
          (s) => s !== scanned && editDistance(scanned, s) <= 2,
        );
        expect([...found].sort()).toEqual([...want].sort());
      }),
    );
  });
});
