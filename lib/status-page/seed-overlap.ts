import { createHash } from "node:crypto";

/**
 * Dockside speaks in its own words: no sentence of the seed document (the public page the rules
 * come from) may be reused. The repository keeps no copy of that text, only a hash of every run
 * of SHINGLE_WORDS words in it (seed-shingles.json, made by `npm run seed:shingles`); a message
 * that repeats such a run, in English or in French, is found by hashing its own runs.
 */
export const SHINGLE_WORDS = 8;

/** Lower case, typographic quotes and markup folded away: only the words count. */
export function wordsOf(text: string): string[] {
  return text
    .replace(/<[^>]*>/g, " ")
    .replace(/&[a-z#0-9]+;/gi, " ")
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .normalize("NFC")
    .split(/[^\p{L}\p{N}']+/u)
    .map((w) => w.replace(/^'+|'+$/g, ""))
    .filter(Boolean);
}

export function shingleHash(words: readonly string[]): string {
  return createHash("sha256").update(words.join(" ")).digest("hex").slice(0, 16);
}

/** Every run of SHINGLE_WORDS words of a text, with its hash. */
export function shingles(text: string): { words: string; hash: string }[] {
  const words = wordsOf(text);
  const out: { words: string; hash: string }[] = [];
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    const run = words.slice(i, i + SHINGLE_WORDS);
    out.push({ words: run.join(" "), hash: shingleHash(run) });
  }
  return out;
}

/** The seed's sentences, English and French, out of its bilingual markup. */
export function seedSentences(seed: string): string[] {
  const out: string[] = [];
  for (const m of seed.matchAll(/<span data-(?:ttu|stu)-id="[^"]+">([\s\S]*?)<\/span>/g)) {
    out.push(m[1]!.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1"));
  }
  return out;
}

/** The hashes of every SHINGLE_WORDS-word run of the seed's sentences, sorted and unique. */
export function seedShingleHashes(seed: string): string[] {
  const set = new Set<string>();
  for (const sentence of seedSentences(seed)) for (const s of shingles(sentence)) set.add(s.hash);
  return [...set].sort();
}

/** The runs of `text` that the seed has too. */
export function reusedRuns(text: string, seedHashes: ReadonlySet<string>): string[] {
  return shingles(text)
    .filter((s) => seedHashes.has(s.hash))
    .map((s) => s.words);
}
