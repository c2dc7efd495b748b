import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * API keys look like `dsk_<prefix>_<secret>`. The prefix (10 characters, shown in the admin list
 * and stored in the clear) finds the row; the whole key is stored only as its SHA-256. The secret
 * part has 256 random bits, so a fast hash is enough: there is nothing to brute-force.
 */
const PATTERN = /^dsk_([a-z0-9]{10})_([A-Za-z0-9_-]{43})$/;
const PREFIX_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

export type NewKeySecret = { key: string; prefix: string; keyHash: string };

export function newApiKeySecret(): NewKeySecret {
  const bytes = randomBytes(10);
  const prefix = Array.from(bytes, (b) => PREFIX_ALPHABET[b % PREFIX_ALPHABET.length]).join("");
  const key = `dsk_${prefix}_${randomBytes(32).toString("base64url")}`;
  return { key, prefix, keyHash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** The prefix of a well-formed key, or null: a malformed key never reaches the database. */
export function apiKeyPrefix(key: string): string | null {
  return PATTERN.exec(key)?.[1] ?? null;
}

export function apiKeyMatches(key: string, keyHash: string): boolean {
  const a = Buffer.from(hashApiKey(key), "hex");
  const b = Buffer.from(keyHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
