import type { DriveState } from "./states.ts";

/**
 * A typo is not an extra drive (R-E5, R-D11). Before the dock records a serial that no list has as
 * an extra drive of the open package's job, it looks for the drive the operator probably meant: an
 * expected drive of the package, not received yet, whose serial is one or two edits away (a wrong,
 * missing or extra character, or two neighbours swapped).
 */

/** How many edits apart two serials may be and still be a near match. */
export const NEAR_MATCH_MAX_DISTANCE = 2;

/**
 * The Damerau–Levenshtein distance (Lowrance–Wagner: unrestricted adjacent transpositions): the
 * fewest insertions, deletions, substitutions and swaps of two adjacent characters that turn `a`
 * into `b`. Case-sensitive: callers compare normalized serials.
 */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  const m = s.length;
  const n = t.length;
  const infinity = m + n;
  // d[i + 1][j + 1] is the distance between s[0..i) and t[0..j); row and column 0 are sentinels.
  const d: number[][] = Array.from({ length: m + 2 }, () => new Array<number>(n + 2).fill(0));
  d[0]![0] = infinity;
  for (let i = 0; i <= m; i++) {
    d[i + 1]![0] = infinity;
    d[i + 1]![1] = i;
  }
  for (let j = 0; j <= n; j++) {
    d[0]![j + 1] = infinity;
    d[1]![j + 1] = j;
  }
  const lastRow = new Map<string, number>();
  for (let i = 1; i <= m; i++) {
    let lastMatchCol = 0;
    for (let j = 1; j <= n; j++) {
      const i1 = lastRow.get(t[j - 1]!) ?? 0;
      const j1 = lastMatchCol;
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      if (cost === 0) lastMatchCol = j;
      d[i + 1]![j + 1] = Math.min(
        d[i]![j]! + cost,
        d[i + 1]![j]! + 1,
        d[i]![j + 1]! + 1,
        d[i1]![j1]! + (i - i1 - 1) + 1 + (j - j1 - 1),
      );
    }
    lastRow.set(s[i - 1]!, i);
  }
  return d[m + 1]![n + 1]!;
}

/** A drive of the open package's jobs, as the near-match search needs it. */
export type ExpectedDrive = {
  serial: string;
  state: DriveState;
  extra: boolean;
  /** The package it came out of; set for a drive held at the dock (R-E1). */
  inboundPackageId: string | null;
};

/**
 * Whether the dock still waits for this drive: listed (not extra), and not in yet: Specified and
 * not held out of a package (R-E1), or marked NeverReceived by an earlier close (R-D4, it may still
 * come, R-D10).
 */
export function stillExpected(d: ExpectedDrive): boolean {
  if (d.extra) return false;
  if (d.state === "NeverReceived") return true;
  return d.state === "Specified" && d.inboundPackageId === null;
}

/**
 * The expected drives' serials within NEAR_MATCH_MAX_DISTANCE edits of `serial` (never the serial
 * itself), nearest first, then alphabetically; each serial once.
 */
export function nearMatches(serial: string, expected: readonly ExpectedDrive[]): string[] {
  const scored = new Map<string, number>();
  for (const d of expected) {
    if (!stillExpected(d) || d.serial === serial || scored.has(d.serial)) continue;
    // More characters apart in length than the budget: cannot be near, skip the table.
    if (Math.abs(d.serial.length - serial.length) > NEAR_MATCH_MAX_DISTANCE) continue;
    const distance = editDistance(serial, d.serial);
    if (distance <= NEAR_MATCH_MAX_DISTANCE) scored.set(d.serial, distance);
  }
  return [...scored]
    .sort(([a, da], [b, db]) => da - db || a.localeCompare(b, "en"))
    .map(([s]) => s);
}
