/**
 * Make sure `.env.local` (git-ignored, read by Next.js) holds a NEXTAUTH_SECRET, so that the demo
 * and the dev server sign sessions with a random secret of this machine. Production sets its own.
 */
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";

export function ensureLocalAuthSecret(root = path.resolve(import.meta.dirname, "..")): void {
  if (process.env.NEXTAUTH_SECRET || process.env.AUTH_SECRET) return;
  const file = path.join(root, ".env.local");
  const current = existsSync(file) ? readFileSync(file, "utf8") : "";
  if (/^NEXTAUTH_SECRET=/m.test(current)) return;
  appendFileSync(
    file,
    `${current && !current.endsWith("\n") ? "\n" : ""}NEXTAUTH_SECRET=${randomBytes(32).toString("base64url")}\n`,
  );
  console.log("▸ Wrote a random NEXTAUTH_SECRET to .env.local");
}

if (import.meta.filename === path.resolve(process.argv[1] ?? "")) ensureLocalAuthSecret();
