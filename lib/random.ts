/**
 * A small repeatable random generator (Mulberry32) for demo data, the copy-station simulator and
 * tests: the same seed gives the same sequence on every machine. Not for secrets (use node:crypto).
 */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const between = (min: number, max: number) => min + next() * (max - min);
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
  const chars = (alphabet: string, n: number) =>
    Array.from({ length: n }, () => alphabet[int(0, alphabet.length - 1)]).join("");
  return { next, int, between, pick, chars };
}
export type Random = ReturnType<typeof seededRandom>;
