import { z } from "zod";

/**
 * Every setting Dockside reads from its environment, in one schema. The app reads settings through
 * `env()` only (a lint rule forbids `process.env` elsewhere in app code); a wrong value stops the
 * server at start with a sentence naming the variable (instrumentation.ts calls `env()` first).
 *
 * Plain module (zod only): shared by the app, the edge proxy, the scripts and prisma.config.ts.
 * An empty variable counts as unset, the way shells and `.env` files usually mean it.
 */
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const optionalUrl = optionalText.pipe(z.url("must be a URL").optional());

function integer(min: number, max: number, fallback: number) {
  return optionalText
    .transform((v) => (v === undefined ? fallback : Number(v)))
    .pipe(
      z
        .number("must be a number")
        .int("must be a whole number")
        .min(min, `must be at least ${min}`)
        .max(max, `must be at most ${max}`),
    );
}

const flag = (on: string) => optionalText.transform((v) => v === on);

const schema = z.object({
  /** `production` under `next start`; the CSP allows eval only outside it (React's dev tools). */
  NODE_ENV: z.enum(["development", "production", "test"]).catch("development"),
  /** PostgreSQL. Unset: the embedded PGlite server on EMBEDDED_DB_PORT (lib/database-url.ts). */
  DATABASE_URL: optionalUrl,
  /** `migrate dev`/`diff` only; unset on embedded: a second PGlite server beside the first. */
  SHADOW_DATABASE_URL: optionalUrl,
  EMBEDDED_DB_PORT: integer(1024, 65534, 54329),
  /** The public URL of the console; status-page links and same-origin checks start from it. */
  NEXTAUTH_URL: optionalUrl,
  /** bcrypt cost of new password hashes (12 in production, lower in tests and benchmarks). */
  BCRYPT_COST: integer(4, 15, 12),
  /** How many proxies of ours stand in front of the app (client-address.ts). */
  /** A value out of 0–10 counts as 0: trusting no header is the safe reading of a typo. */
  DOCKSIDE_TRUSTED_PROXIES: integer(0, 10, 0).catch(0),
  /** `1` serves the e2e tests' clock route; never set in production. */
  DOCKSIDE_TEST_HOOKS: flag("1"),
  /** `off` stops the in-server timer sweep (`npm run sweep` still runs it). */
  DOCKSIDE_SWEEP_OFF: flag("off"),
  NEXT_PHASE: optionalText,
  /** Where customers' mail goes (smtp://user:pass@host:587); unset, mail waits and retries. */
  SMTP_URL: optionalUrl,
  /** The sender of customers' mail ("Dockside <ops@example.com>"). */
  MAIL_FROM: optionalText,
  /** `1` lets webhooks reach private, loopback and link-local addresses (an admin's choice; tests). */
  DOCKSIDE_WEBHOOK_ALLOW_PRIVATE: flag("1"),
  /** `1` accepts http:// webhook URLs (tests only). */
  DOCKSIDE_WEBHOOK_ALLOW_HTTP: flag("1"),
  /** `off` stops the in-server delivery worker of notifications. */
  DOCKSIDE_NOTIFY_OFF: flag("off"),
  /** How often the delivery worker looks for work, in ms. */
  DOCKSIDE_NOTIFY_INTERVAL_MS: integer(200, 600_000, 5_000),
  /** How long a worker holds a delivery it is sending; a worker that died lets it go after this. */
  DOCKSIDE_NOTIFY_LEASE_MS: integer(2_000, 3_600_000, 120_000),
  /** The demo's mail catcher keeps its mails here; /admin/mail lists them. */
  DOCKSIDE_MAIL_CATCHER_DIR: optionalText,
});

export type Env = z.infer<typeof schema>;

/** Parses an environment (the process's by default); throws one sentence per wrong variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse({
    ...source,
    DOCKSIDE_SWEEP_OFF: source.DOCKSIDE_SWEEP,
    DOCKSIDE_NOTIFY_OFF: source.DOCKSIDE_NOTIFY,
  });
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const field = String(issue.path[0]);
    const name = field.endsWith("_OFF") ? field.slice(0, -4) : field;
    return `${name}: ${issue.message}`;
  });
  throw new Error(`Dockside's settings are wrong: ${problems.join("; ")}.`);
}

let cached: Env | undefined;

/** The process's settings, read and checked once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For tests that change `process.env` after the first read: the next `env()` reads it again. */
export function rereadEnv(): void {
  cached = undefined;
}
