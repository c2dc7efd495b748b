/**
 * Rebuild lib/status-page/seed-shingles.json from the seed document: the hashes of every
 * 8-word run of its sentences (no text of it), which the own-words test checks messages against.
 *
 *   npm run seed:shingles -- [path to the seed, default /work/shared/seeds/000_10af9b14976b0bc1.txt]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { seedShingleHashes } from "../lib/status-page/seed-overlap.ts";

export const DEFAULT_SEED = "/work/shared/seeds/000_10af9b14976b0bc1.txt";
export const SHINGLES_FILE = "lib/status-page/seed-shingles.json";

const path = process.argv[2] ?? process.env.DOCKSIDE_SEED_PATH ?? DEFAULT_SEED;
const hashes = seedShingleHashes(readFileSync(path, "utf8"));
writeFileSync(SHINGLES_FILE, `${JSON.stringify(hashes)}\n`);
console.log(`${hashes.length} hashes written to ${SHINGLES_FILE}.`);
