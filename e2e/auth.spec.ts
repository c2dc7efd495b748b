import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn, sql } from "./support";

const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main" });

test.describe("signing in", () => {
  for (const [role, who, links] of [
    ["operator", DEMO.operator, ["Dock", "Expected", "To ship back", "Jobs", "Help"]],
    [
      "supervisor",
      DEMO.supervisor,
      ["Dashboard", "Dock", "Expected", "To ship back", "Jobs", "Faults", "Incidents", "Help"],
    ],
    [
      "admin",
      DEMO.admin,
      [
        "Dashboard",
        "Expected",
        "To ship back",
        "Jobs",
        "Users",
        "API keys",
        "Locations",
        "Mail",
        "Webhooks",
        "Help",
      ],
    ],
  ] as const) {
    test(`the ${role} signs in and sees the navigation of the role`, async ({ page }) => {
      await signIn(page, who);
      await expect(mainNav(page).getByRole("link")).toHaveText([...links]);
    });
  }

  test("a signed-out visitor is sent to sign in and comes back to the page asked for", async ({
    page,
  }) => {
    await page.goto("/jobs?state=Faulted");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    await page.getByLabel("Email").fill(DEMO.supervisor.email);
    await page.getByLabel("Password").fill(DEMO.supervisor.password);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/jobs\?state=Faulted$/);
  });

  test("a wrong password gets a clear error and no session", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(DEMO.operator.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "password" })).toHaveText(
      "The email or password is wrong.",
    );
    await page.goto("/jobs");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("repeated wrong passwords from one address refuse that address for the account, with a clear message", async ({
    page,
  }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(DEMO.operator2.email);
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("Password").fill(`wrong-${i}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "password" })).toHaveText(
        "The email or password is wrong.",
      );
    }
    await page.getByLabel("Password").fill(DEMO.operator2.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Too many" })).toHaveText(
      "Too many failed sign-ins. Wait 15 minutes, then try again.",
    );
    const [row] = await sql<{ failed: string; refused: string }>(
      `SELECT count(*) FILTER (WHERE outcome = 'failed') AS failed,
              count(*) FILTER (WHERE outcome = 'refused') AS refused
         FROM "SignInAttempt" WHERE email = $1`,
      [DEMO.operator2.email],
    );
    expect([Number(row?.failed), Number(row?.refused)]).toEqual([5, 1]);
    const failures = await sql<{ n: string }>(
      `SELECT count(*) AS n FROM "Event" WHERE kind = 'user.signin.failed' AND data->>'email' = $1`,
      [DEMO.operator2.email],
    );
    expect(Number(failures[0]?.n)).toBe(5);
  });

  test("an unknown email is answered like a wrong password, and a forged X-Forwarded-For buys nothing", async ({
    request,
  }) => {
    // Six wrong guesses for an email nobody has, each claiming a fresh address.
    const answers: string[] = [];
    for (let i = 0; i < 6; i++) {
      const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as {
        csrfToken: string;
      };
      const response = await request.post("/api/auth/callback/credentials", {
        form: { csrfToken, email: "ghost-e2e@dockside.test", password: "guess", json: "true" },
        headers: { "x-forwarded-for": `198.51.100.${i + 1}` },
      });
      const { url } = (await response.json()) as { url: string };
      answers.push(new URL(url).searchParams.get("error") ?? "");
    }
    expect(answers).toEqual([...Array(5).fill("WrongCredentials"), "TooManyAttempts"]);
    const addresses = await sql<{ address: string }>(
      `SELECT DISTINCT address FROM "SignInAttempt" WHERE email = 'ghost-e2e@dockside.test'`,
    );
    expect(addresses.map((a) => a.address)).toEqual(["127.0.0.1"]);
  });

  test("signing out ends the session on the server: a copied cookie no longer works", async ({
    page,
    browser,
  }) => {
    await signIn(page, DEMO.supervisor);
    const copied = await page.context().cookies();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/jobs");
    await expect(page).toHaveURL(/\/sign-in/);

    const thief = await browser.newContext();
    await thief.addCookies(copied);
    const stolen = await thief.newPage();
    expect(await (await stolen.request.get("/api/auth/session")).json()).toEqual({});
    await stolen.goto("/jobs");
    await expect(stolen).toHaveURL(/\/sign-in/);
    await thief.close();
  });

  test("after signing in, a callbackUrl to another site leads to the role's start page instead", async ({
    page,
  }) => {
    for (const callbackUrl of [
      "%2F%5Cevil.example%2F",
      "%2F%09%2Fevil.example",
      "%2F%2Fevil.example",
    ]) {
      await page.goto(`/sign-in?callbackUrl=${callbackUrl}`);
      await page.getByLabel("Email").fill(DEMO.operator.email);
      await page.getByLabel("Password").fill(DEMO.operator.password);
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/dock$/);
      // Signed in already: the sign-in page sends the user on, to this site too.
      await page.goto(`/sign-in?callbackUrl=${callbackUrl}`);
      await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/dock$/);
      await page.context().clearCookies();
    }
  });

  test("/sign-in?error= shows only known errors, in our words", async ({ page }) => {
    await page.goto("/sign-in?error=Your%20account%20is%20suspended.%20Call%20%2B1%20555%200100");
    await expect(
      page.getByRole("alert").filter({ hasText: "Signing in did not work. Try again." }),
    ).toBeVisible();
    await expect(page.getByText("suspended")).toHaveCount(0);
    await page.goto("/sign-in?error=CredentialsSignin");
    await expect(
      page.getByRole("alert").filter({ hasText: "The email or password is wrong." }),
    ).toBeVisible();
  });
});

test.describe("authorization", () => {
  test("an operator who opens the users page is told it is not for the role", async ({ page }) => {
    await signIn(page, DEMO.operator);
    const response = await page.goto("/admin/users");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Not for your role" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Users" })).toHaveCount(0);
  });

  test("an admin adds a user, who can then sign in; disabling them ends their session at once", async ({
    browser,
  }) => {
    const admin = await browser.newPage();
    await signIn(admin, DEMO.admin);
    await admin.getByRole("link", { name: "Users" }).click();
    const form = admin.getByRole("form", { name: "Add a user" });
    await form.getByLabel("Name").fill("Dana Night");
    await form.getByLabel("Email").fill("dana@dockside.test");
    await form.getByLabel("Role").selectOption("operator");
    await form.getByLabel("First password").fill("night-shift-2026");
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(form.getByRole("status")).toHaveText(
      "Dana Night can now sign in as dana@dockside.test.",
    );

    const dana = await browser.newPage();
    await signIn(dana, {
      email: "dana@dockside.test",
      password: "night-shift-2026",
      name: "Dana Night",
    });

    await admin.reload();
    await admin.getByRole("button", { name: "Disable Dana Night" }).click();
    await expect(admin.getByRole("status").filter({ hasText: "disabled" })).toHaveText(
      "dana@dockside.test is disabled and signed out.",
    );

    await dana.reload();
    await expect(dana).toHaveURL(/\/sign-in/);
    const [row] = await sql<{ disabled: boolean }>(
      `SELECT disabled FROM "User" WHERE email = 'dana@dockside.test'`,
    );
    expect(row?.disabled).toBe(true);
  });

  test("a server action POSTed directly with no session is refused and changes nothing", async ({
    page,
    playwright,
  }) => {
    // Capture the real "add user" action request of an admin...
    await signIn(page, DEMO.admin);
    await page.goto("/admin/users");
    const form = page.getByRole("form", { name: "Add a user" });
    await form.getByLabel("Name").fill("Real User");
    await form.getByLabel("Email").fill("real-user@dockside.test");
    await form.getByLabel("First password").fill("a-real-password-1");
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"])),
      form.getByRole("button", { name: "Add user" }).click(),
    ]);
    await expect(form.getByRole("status")).toContainText("can now sign in");

    // ...then replay it: with the admin's cookie, as a control, it creates a user; with no cookie
    // at all (the proxy lets POSTs through to the action), the action itself refuses it.
    const headers = request.headers();
    const replay = (email: string) => ({
      headers: {
        "next-action": headers["next-action"]!,
        "content-type": headers["content-type"]!,
        accept: "text/x-component",
      },
      data: request.postData()!.replaceAll("real-user@dockside.test", email),
    });
    const control = await page.request.post("/admin/users", replay("control@dockside.test"));
    expect(await control.text()).toContain("can now sign in as control@dockside.test");
    expect(await sql(`SELECT id FROM "User" WHERE email = 'control@dockside.test'`)).toHaveLength(
      1,
    );

    const anonymous = await playwright.request.newContext({ baseURL: page.url() });
    const refused = await anonymous.post("/admin/users", replay("intruder@dockside.test"));
    expect(await refused.text()).toContain("You are signed out. Sign in again to continue.");
    expect(await sql(`SELECT id FROM "User" WHERE email = 'intruder@dockside.test'`)).toHaveLength(
      0,
    );
    expect(
      await sql(`SELECT id FROM "Event" WHERE data->>'email' = 'intruder@dockside.test'`),
    ).toHaveLength(0);
    await anonymous.dispose();
  });
});
