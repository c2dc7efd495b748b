import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes (256 bits) in base64url: 43 characters, safe in a URL path as they are. */
export const STATUS_TOKEN_BYTES = 32;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function newStatusToken(): string {
  return randomBytes(STATUS_TOKEN_BYTES).toString("base64url");
}

/**
 * What the database keeps instead of the token: its SHA-256, hex. A fast hash is enough here: the
 * token is 256 random bits, not a password a person chose, so there is nothing to guess from it.
 */
export function hashStatusToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Cheap first check: anything that is not shaped like our tokens is answered 404 at once. */
export function isWellFormedStatusToken(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}
