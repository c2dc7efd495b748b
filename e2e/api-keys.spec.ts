import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO, signIn, sql } from "./support";

const CUSTOMER = "Contoso Ltd";
const KEY_PATTERN = /^dsk_([a-z0-9]{10})_[A-Za-z0-9_-]{43}$/;

const listJobs = (request: APIRequestContext, key: string) =>
  request.get("/api/v1/jobs", { headers: { Authorization: `Bearer ${key}` } });

async function openApiKeysPage(page: Page) {
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "API keys" })
    .click();
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();
}

test("an admin issues a customer key, shown once, that works until it is revoked", async ({
  page,
  request,
}) => {
  // Issue, use, revoke, use again, with accessibility checks: over 30 s on a busy machine.
  test.slow();
  const [customer] = await sql<{ id: string }>(`SELECT id FROM "Customer" WHERE name = $1`, [
    CUSTOMER,
  ]);
  if (!customer) throw new Error(`the seed has no customer ${CUSTOMER}`);
  const keyName = `Contoso e2e ${Date.now()}`;

  await signIn(page, DEMO.admin);
  await openApiKeysPage(page);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  const form = page.getByRole("form", { name: "Issue a key" });
  await form.getByRole("radio", { name: "Customer" }).check();
  await form.getByRole("combobox", { name: "Customer" }).selectOption({ label: CUSTOMER });
  await form.getByLabel("Key name").fill(keyName);
  await form.getByRole("button", { name: "Issue key" }).click();

  // Shown once, in the form's own state, with the warning and an announcement.
  const secretBox = page.getByRole("region", { name: `New key for ${keyName}` });
  await expect(secretBox).toContainText("Store it now: it cannot be shown again");
  await expect(secretBox).toBeFocused();
  await expect(form.getByRole("status")).toContainText(`Key “${keyName}” issued`);
  const key = await secretBox.getByLabel("New API key").inputValue();
  expect(key).toMatch(KEY_PATTERN);
  const prefix = KEY_PATTERN.exec(key)![1]!;
  await expect(secretBox.getByRole("button", { name: "Copy key" })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // Stored hashed only; its issue is an event that does not carry it either.
  const [stored] = await sql<{ keyHash: string; customerId: string }>(
    `SELECT "keyHash", "customerId" FROM "ApiKey" WHERE prefix = $1`,
    [prefix],
  );
  expect(stored?.customerId).toBe(customer.id);
  expect(stored?.keyHash).not.toContain(key.slice(15));
  const issued = await sql<{ actorLabel: string; data: unknown }>(
    `SELECT "actorLabel", data FROM "Event" WHERE kind = 'apiKey.issued' AND data->>'prefix' = $1`,
    [prefix],
  );
  expect(issued).toHaveLength(1);
  expect(issued[0]?.actorLabel).toBe(DEMO.admin.name);
  expect(JSON.stringify(issued[0]?.data)).not.toContain(key.slice(15));

  // The key works on the Job API, for its own customer's jobs only.
  const ok = await listJobs(request, key);
  expect(ok.status()).toBe(200);
  const body = (await ok.json()) as { value: unknown[] };
  expect(Array.isArray(body.value)).toBe(true);
  const others = await sql<{ name: string }>(`SELECT name FROM "Job" WHERE "customerId" <> $1`, [
    customer.id,
  ]);
  const text = JSON.stringify(body);
  for (const other of others) expect(text).not.toContain(`"${other.name}"`);

  // Reloaded, the page shows the key's prefix and its use, and the key itself nowhere.
  const reloaded = await page.reload();
  expect(await reloaded!.text()).not.toContain(key.slice(15));
  await expect(page.getByLabel("New API key")).toHaveCount(0);
  const row = page
    .getByRole("table", { name: "Customer keys" })
    .getByRole("row")
    .filter({ hasText: keyName });
  await expect(row).toContainText(`dsk_${prefix}_…`);
  await expect(row).toContainText(CUSTOMER);
  await expect(row).toContainText("Active");
  await expect(row.getByRole("cell", { name: "never" })).toHaveCount(0);
  expect(await page.content()).not.toContain(key.slice(15));

  // Revoke, after a confirmation: the row stays, revoked, and the same call is refused.
  await row.getByRole("button", { name: `Revoke key ${keyName} (dsk_${prefix}_…)` }).click();
  await row.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(row.getByRole("status")).toContainText(`Key dsk_${prefix}_… is revoked`);
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
  const [revoked] = await sql<{ revokedAt: Date | null }>(
    `SELECT "revokedAt" FROM "ApiKey" WHERE prefix = $1`,
    [prefix],
  );
  expect(revoked?.revokedAt).not.toBeNull();
  expect((await listJobs(request, key)).status()).toBe(401);
});

test("an admin adds a customer, and a taken name is refused", async ({ page }) => {
  const name = `Woodgrove e2e ${Date.now()}`;
  await signIn(page, DEMO.admin);
  await openApiKeysPage(page);

  const form = page.getByRole("form", { name: "Add a customer" });
  await form.getByLabel("Customer name").fill(name);
  await form.getByLabel("Contact name").fill("Dana Li");
  await form.getByLabel("Contact email").fill("storage@woodgrove.example");
  await form.getByRole("button", { name: "Add customer" }).click();
  await expect(form.getByRole("status")).toContainText(`${name} is added`);
  // The answer takes the keyboard focus (the button never lost it to <body>).
  await expect(page.locator(":focus")).toContainText(`${name} is added`);

  const row = page.getByRole("table", { name: "Customers" }).getByRole("row").filter({
    hasText: name,
  });
  await expect(row).toContainText("Dana Li");
  await expect(row).toContainText("storage@woodgrove.example");
  // Ready for its first key.
  await expect(
    page
      .getByRole("form", { name: "Issue a key" })
      .getByRole("combobox", { name: "Customer" })
      .locator("option", { hasText: name }),
  ).toHaveCount(1);
  const events = await sql<{ actorLabel: string }>(
    `SELECT "actorLabel" FROM "Event" WHERE kind = 'customer.created' AND data->>'name' = $1`,
    [name],
  );
  expect(events).toEqual([{ actorLabel: DEMO.admin.name }]);

  // The same name again (any case): refused at the name, and what was typed is kept.
  await form.getByLabel("Customer name").fill(name.toUpperCase());
  await form.getByLabel("Contact name").fill("Dana Li");
  await form.getByLabel("Contact email").fill("storage@woodgrove.example");
  await form.getByRole("button", { name: "Add customer" }).click();
  await expect(form.getByLabel("Customer name")).toHaveAccessibleDescription(
    new RegExp(`There is already a customer named ${name}`),
  );
  await expect(form.getByLabel("Contact name")).toHaveValue("Dana Li");
  await expect(form.getByLabel("Customer name")).toBeFocused();
  const [count] = await sql<{ n: string }>(
    `SELECT count(*)::text AS n FROM "Customer" WHERE lower(name) = lower($1)`,
    [name],
  );
  expect(count?.n).toBe("1");
});

test("an operator is refused the API keys page", async ({ page }) => {
  await signIn(page, DEMO.operator);
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API keys" }),
  ).toHaveCount(0);
  await page.goto("/admin/api-keys");
  await expect(page.getByRole("heading", { name: "Not for your role" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Issue a key" })).toHaveCount(0);
});
