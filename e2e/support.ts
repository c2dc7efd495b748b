import { expect, type Page } from "@playwright/test";
import pg from "pg";

// The e2e server's own embedded database (playwright.config.ts): specs pick their seeded jobs from
// it and check what the UI did.
const E2E_DB = `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_DB_PORT ?? 54340}/postgres`;

export async function sql<T>(text: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: E2E_DB });
  await c.connect();
  try {
    return (await c.query(text, values)).rows as T[];
  } finally {
    await c.end();
  }
}

export const DEMO = {
  operator: { email: "operator@dockside.test", password: "dock-operator-1", name: "Ana Ruiz" },
  operator2: { email: "operator2@dockside.test", password: "dock-operator-2", name: "Ben Okafor" },
  supervisor: {
    email: "supervisor@dockside.test",
    password: "dock-supervisor",
    name: "Sam Keller",
  },
  admin: { email: "admin@dockside.test", password: "dock-admin-demo", name: "Alex Morgan" },
} as const;

/**
 * Sign in through the real form, as a person would (landing on the role's start page: the dock
 * or the dashboard), then open the jobs page, where the specs start.
 */
export async function signIn(page: Page, who: { email: string; password: string; name: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Signing in checks a bcrypt hash and goes through `/` to the start page: slower than a click.
  await expect(page.getByRole("banner")).toContainText(who.name, { timeout: 15_000 });
  await page.goto("/jobs");
  await expect(page.getByRole("heading", { name: "Jobs", level: 1 })).toBeVisible();
}
