import "server-only";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env.ts";
import type { CaughtMail } from "@/lib/mail-catcher/catcher.ts";

/** Where the demo's mail catcher keeps its mails (scripts/serve.ts sets it); null elsewhere. */
export function catcherDir(): string | null {
  return env().DOCKSIDE_MAIL_CATCHER_DIR ?? null;
}

/** The newest mails first, at most `limit`. */
export function caughtMails(dir: string, limit = 100): CaughtMail[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(".json"));
  } catch {
    return [];
  }
  return names
    .sort()
    .reverse()
    .slice(0, limit)
    .flatMap((n) => {
      try {
        return [JSON.parse(readFileSync(path.join(dir, n), "utf8")) as CaughtMail];
      } catch {
        return [];
      }
    });
}
