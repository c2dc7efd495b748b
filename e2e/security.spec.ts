import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { DEMO, signIn, sql } from "./support";

test.describe("malformed paths", () => {
  test("a broken percent-escape is a 404, never a 500", async ({ request }) => {
    const status = await request.get("/status/abc%");
    expect(status.status()).toBe(404);
    expect(status.headers()["content-security-policy"]).toContain("default-src 'none'");
    // The status page's one plain 404, as for any unknown token.
    const unknown = await request.get("/status/no-such-token");
    expect(await status.text()).toBe(await unknown.text());

    for (const path of ["/api/v1/jobs/abc%ZZ", "/api/dock/packages/abc%"]) {
      const r = await request.get(path);
      expect(r.status(), path).toBe(404);
      expect(await r.json(), path).toMatchObject({ error: { message: expect.any(String) } });
    }
  });
});

test.describe("the 404 page", () => {
  test("is the site's own, with navigation and landmarks, a CSP, and no axe findings", async ({
    page,
  }) => {
    for (const path of ["/no-such-page", "/jobs/abc%ZZ", "/api/no-such-route"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      expect(response?.headers()["content-security-policy"], path).toContain("script-src");
    }
    await page.goto("/no-such-page");
    await expect(page.getByRole("heading", { name: "Page not found", level: 1 })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await expect(page.getByRole("banner")).toBeVisible();
    await expect(page.getByRole("main")).toBeVisible();
    await expect(page.getByRole("link", { name: "Go to the jobs list" })).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });
});

test.describe("headers", () => {
  test("prefetch responses carry the CSP too", async ({ request }) => {
    const prefetches: Record<string, string>[] = [
      { "next-router-prefetch": "1", rsc: "1" },
      { purpose: "prefetch" },
      { "sec-purpose": "prefetch" },
    ];
    for (const headers of prefetches) {
      const r = await request.get("/sign-in", { headers, maxRedirects: 0 });
      expect(r.headers()["content-security-policy"], JSON.stringify(headers)).toContain(
        "frame-ancestors 'none'",
      );
    }
  });
});

test.describe("requests from another site", () => {
  test("a cross-site text/plain form post to a dock route is refused and creates nothing", async ({
    page,
  }) => {
    await signIn(page, DEMO.operator);
    const before = await sql<{ n: string }>(`SELECT count(*) AS n FROM "Package"`);
    const body = JSON.stringify({ code: "3000000011", direction: "Inbound" });
    const forged = await page.request.post("/api/dock/packages", {
      headers: { origin: "https://evil.example", "content-type": "text/plain" },
      data: body,
    });
    expect(forged.status()).toBe(403);
    const plain = await page.request.post("/api/dock/packages", {
      headers: { "content-type": "text/plain" },
      data: body,
    });
    expect(plain.status()).toBe(415);
    const after = await sql<{ n: string }>(`SELECT count(*) AS n FROM "Package"`);
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  test("a server action posted from another site answers 403, not 500", async ({ page }) => {
    await signIn(page, DEMO.supervisor);
    const response = await page.request.post("/faults", {
      headers: {
        origin: "https://evil.example",
        "next-action": "0123456789abcdef0123456789abcdef01234567",
        "content-type": "text/plain;charset=UTF-8",
      },
      data: "[]",
    });
    expect(response.status()).toBe(403);
  });
});
