import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
// On these offline machines Playwright cannot download its browser: Debian's Chromium it is.
// Elsewhere, point CHROMIUM_PATH at any Chromium (or Playwright's own).
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const launchOptions = {
  executablePath,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      // Moving the clock (e2e/overdue.spec.ts) sweeps every job: it runs after all the others.
      testIgnore: /overdue\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], launchOptions },
    },
    {
      name: "timers",
      testMatch: /overdue\.spec\.ts/,
      dependencies: ["chromium"],
      use: { ...devices["Desktop Chrome"], launchOptions },
    },
  ],
  webServer: {
    // The built app on a fresh embedded database of its own (not the developer's demo data).
    command: `npx tsx scripts/serve.ts --fresh --port ${PORT}`,
    url: `http://localhost:${PORT}/sign-in`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      // Never the developer's own database: --fresh empties it.
      DATABASE_URL: "",
      EMBEDDED_DB_PORT: String(Number(process.env.E2E_DB_PORT ?? 54340)),
      EMBEDDED_DB_DIR: ".data/e2e",
      NEXTAUTH_URL: `http://localhost:${PORT}`,
      // The journeys pick seeded jobs by their state: no scheduled sweep moving them meanwhile.
      DOCKSIDE_SWEEP: "off",
      // Nor the notifications' worker writing contact attempts under them: notifications.spec.ts
      // runs its own instances, with the worker, a mail catcher and a webhook receiver.
      DOCKSIDE_NOTIFY: "off",
      // Lets a test run the sweep at a chosen time (app/api/test/clock): e2e only.
      DOCKSIDE_TEST_HOOKS: "1",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
