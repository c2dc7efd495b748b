import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import pg from "pg";

// Dockside instances of the specs' own: `next start` of the existing build on a database the spec
// makes (two-instances.spec.ts, notifications.spec.ts), so a spec may run two at once or kill one.

export const root = path.resolve(import.meta.dirname, "..");

export type Instance = { url: string; process: ChildProcess; log: string[] };

/** Run one statement on the PostgreSQL server of `serverUrl` (CREATE / DROP DATABASE). */
export async function onServer(serverUrl: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

/** A database of `serverUrl`'s server by another name. */
export function databaseUrl(serverUrl: string, name: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * `next start` of the existing build on `port` (0: any free one), with the test hooks and no
 * scheduled sweep; `env` adds or overrides settings. Resolves once it listens.
 */
export async function startInstance(
  database: string,
  options: { port?: number; env?: Record<string, string> } = {},
): Promise<Instance> {
  const child = spawn(
    path.join(root, "node_modules/.bin/next"),
    ["start", "-H", "127.0.0.1", "-p", String(options.port ?? 0)],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: database,
        NEXTAUTH_SECRET: "instances-test-secret-0123456789abcdef",
        NEXTAUTH_URL: "http://127.0.0.1",
        DOCKSIDE_SWEEP: "off",
        DOCKSIDE_TEST_HOOKS: "1",
        NEXT_TELEMETRY_DISABLED: "1",
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const log: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`next start did not start:\n${log.join("")}`)),
      60_000,
    );
    const read = (chunk: Buffer) => {
      log.push(chunk.toString());
      const m = /Local:\s+(http:\/\/\S+)/.exec(log.join(""));
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!.replace("localhost", "127.0.0.1"));
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.on("exit", (code) => reject(new Error(`next start exited (${code}):\n${log.join("")}`)));
  });
  return { url, process: child, log };
}

/** next-auth's credentials sign-in, as its form does it; true when it gave a session. */
export async function apiSignIn(
  client: APIRequestContext,
  on: Instance,
  email: string,
  password: string,
): Promise<boolean> {
  const { csrfToken } = (await (await client.get(`${on.url}/api/auth/csrf`)).json()) as {
    csrfToken: string;
  };
  await client.post(`${on.url}/api/auth/callback/credentials`, {
    form: { csrfToken, email, password, json: "true", callbackUrl: "/jobs" },
    headers: { origin: on.url },
    maxRedirects: 0,
  });
  const session = (await (await client.get(`${on.url}/api/auth/session`)).json()) as {
    user?: { email?: string };
  };
  return session.user?.email === email;
}
