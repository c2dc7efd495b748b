/**
 * Where the database is. Without DATABASE_URL, Dockside uses the embedded PGlite server that
 * `npm run db:start` (and `npm run demo`) serve on loopback, so a newcomer needs no setup.
 * Shared by the app, the scripts and prisma.config.ts; settings come from lib/env.ts.
 */
import { env } from "./env.ts";

export const EMBEDDED_PORT = env().EMBEDDED_DB_PORT;
export const EMBEDDED_DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/postgres`;
export const EMBEDDED_SHADOW_URL = `postgresql://postgres:postgres@127.0.0.1:${EMBEDDED_PORT + 1}/postgres`;

export function databaseUrl(): string {
  return env().DATABASE_URL ?? EMBEDDED_DATABASE_URL;
}

export function isEmbedded(url = databaseUrl()): boolean {
  return url === EMBEDDED_DATABASE_URL;
}

/** The shadow database for `migrate dev`/`diff`: a second PGlite server when embedded. */
export function shadowDatabaseUrl(url = databaseUrl()): string | undefined {
  return env().SHADOW_DATABASE_URL ?? (isEmbedded(url) ? EMBEDDED_SHADOW_URL : undefined);
}
