import { expect, type Page } from "@playwright/test";

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

/** Sign in through the real form, as a person would, and land on the jobs page. */
export async function signIn(page: Page, who: { email: string; password: string; name: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Jobs", level: 1 })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText(who.name);
}
