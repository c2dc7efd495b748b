/**
 * Telling a keyboard-wedge scanner from a person, by key timings alone (no DOM, no clock): a
 * scanner types a code's characters a few milliseconds apart and ends with Enter; a person's keys
 * are 80 ms or more apart. The dock page (components/dock/use-scanner-capture.ts) feeds it every
 * key it sees and asks two questions: does this Enter (or space) end a scanner burst, and has a
 * burst been recognised yet.
 */

export type KeyStroke = { key: string; at: number };

export const BURST = {
  /** Keys closer together than this are machine speed. */
  maxGapMs: 30,
  /** A burst has at least this many characters before its Enter. */
  minChars: 4,
  /** How many recent keys the page keeps. */
  keep: 64,
} as const;

export type BurstOptions = { maxGapMs: number; minChars: number };

/** The keys of the fast run that ends with the last stroke: each within maxGap of the one before. */
export function fastRun(
  strokes: readonly KeyStroke[],
  maxGapMs: number = BURST.maxGapMs,
): KeyStroke[] {
  if (strokes.length === 0) return [];
  let start = strokes.length - 1;
  while (start > 0 && strokes[start]!.at - strokes[start - 1]!.at < maxGapMs) start--;
  return strokes.slice(start);
}

/** Whether `at` comes within maxGap of the last key: this key belongs to the run in progress. */
export function continuesRun(
  strokes: readonly KeyStroke[],
  at: number,
  maxGapMs: number = BURST.maxGapMs,
): boolean {
  const last = strokes.at(-1);
  return last !== undefined && at - last.at < maxGapMs;
}

/** Whether the keys so far end in a burst: at least minChars characters at machine speed. */
export function isBurst(
  strokes: readonly KeyStroke[],
  { maxGapMs, minChars }: BurstOptions = BURST,
): boolean {
  return fastRun(strokes, maxGapMs).filter((s) => s.key.length === 1).length >= minChars;
}

/**
 * Whether an Enter (or a space) pressed at `at` is part of a scanner burst, not a person
 * activating a button: it follows a burst's characters at machine speed. A person who types four
 * characters and then Enter can never be this fast.
 */
export function endsBurst(
  strokes: readonly KeyStroke[],
  at: number,
  options: BurstOptions = BURST,
): boolean {
  return continuesRun(strokes, at, options.maxGapMs) && isBurst(strokes, options);
}

/** The recent keys with one more, keeping at most BURST.keep. */
export function remember(strokes: readonly KeyStroke[], stroke: KeyStroke): KeyStroke[] {
  const next = [...strokes, stroke];
  return next.length > BURST.keep ? next.slice(next.length - BURST.keep) : next;
}

/** The characters of a burst as one code (the Enter and anything not a character left out). */
export function burstText(
  strokes: readonly KeyStroke[],
  maxGapMs: number = BURST.maxGapMs,
): string {
  return fastRun(strokes, maxGapMs)
    .filter((s) => s.key.length === 1)
    .map((s) => s.key)
    .join("");
}
