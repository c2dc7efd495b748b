import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { DEMO_CUSTOMER_KEY } from "../prisma/demo-data.ts";
import { DEMO } from "./support";

/**
 * An admin adds a datacenter site; a customer's program then uses the Job API on Azure Resource
 * Manager's paths, through the built app's own router and proxy (the Azure SDK itself runs in
 * test/azure-sdk.int.test.ts): the job gets the site's address, every refusal is JSON.
 */

const SITE = `E2E Harbor ${Date.now().toString(36)}`;
const SUBSCRIPTION = "5a1f07b2-3c9d-4e8f-a6b1-0c2d3e4f5a6b";
const JOBS = `/subscriptions/${SUBSCRIPTION}/resourceGroups/e2e-rg/providers/Microsoft.ImportExport/jobs`;
const VERSION = "api-version=2021-01-01";
const AUTH = { authorization: `Bearer ${DEMO_CUSTOMER_KEY}` };

test("an admin adds a site, and a customer's Azure client ships to it on the ARM paths", async ({
  page,
  request,
}) => {
  // The first console page of a fresh server, then a dozen API calls: more than the default 30 s
  // on a busy CI machine.
  test.slow();
  // Signed in straight to the page (a cold server renders its first console page slowly).
  await page.goto("/admin/locations");
  await page.getByLabel("Email").fill(DEMO.admin.email);
  await page.getByLabel("Password").fill(DEMO.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Locations", level: 1 })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByRole("link", { name: "Locations" })).toBeVisible();
  const form = page.getByRole("form", { name: "Add a site" });
  await form.getByLabel("Site name").fill(SITE);
  await form.getByLabel("Recipient").fill("Dockside Receiving");
  await form.getByLabel("Street address", { exact: true }).fill("200 Harbor Road");
  await form.getByLabel("City").fill("Santa Clara");
  await form.getByLabel("State or province").fill("CA");
  await form.getByLabel("Postal code").fill("95050");
  await form.getByLabel("Country or region").fill("USA");
  await form.getByLabel("Carriers received").fill("fedex, Contoso Couriers");
  await form.getByRole("button", { name: "Add site" }).click();
  await expect(form.getByRole("status")).toContainText(`${SITE} is added`);
  const row = page.getByRole("row", { name: new RegExp(SITE) });
  await expect(row).toContainText("FedEx, Contoso Couriers");
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  const put = await request.put(`${JOBS}/e2e-arm-job?${VERSION}`, {
    headers: AUTH,
    data: {
      location: SITE,
      tags: { from: "e2e" },
      properties: {
        jobType: "import",
        storageAccountId: "contosostore",
        driveList: [{ driveId: "E2EARM0001" }],
      },
    },
  });
  expect(put.status(), await put.text()).toBe(201);
  expect(await put.json()).toMatchObject({
    id: `${JOBS}/e2e-arm-job`,
    type: "Microsoft.ImportExport/jobs",
    location: SITE,
    tags: { from: "e2e" },
    properties: { state: "Creating", shippingInformation: { city: "Santa Clara" } },
  });

  const listed = await request.get(`${JOBS}?${VERSION}&$filter=properties/state eq 'Creating'`, {
    headers: AUTH,
  });
  expect((await listed.json()).value.map((j: { name: string }) => j.name)).toContain("e2e-arm-job");
  const locations = await request.get(`/providers/Microsoft.ImportExport/locations?${VERSION}`, {
    headers: AUTH,
  });
  expect((await locations.json()).value.map((l: { name: string }) => l.name)).toContain(SITE);

  // Refusals are JSON with a sentence, never a sign-in redirect or an HTML page.
  const refusals = [
    await request.get(`${JOBS}/e2e-arm-job?${VERSION}`, { maxRedirects: 0 }),
    await request.get(`${JOBS}/e2e-arm-job`, { headers: AUTH }),
    await request.post(`${JOBS}/e2e-arm-job/listBitLockerKeys?${VERSION}`, { headers: AUTH }),
  ];
  expect(refusals.map((r) => r.status())).toEqual([401, 400, 403]);
  for (const r of refusals) {
    expect(r.headers()["content-type"]).toContain("application/json");
    expect((await r.json()).error.message.length).toBeGreaterThan(10);
  }

  const deleted = await request.delete(`${JOBS}/e2e-arm-job?${VERSION}`, { headers: AUTH });
  expect(deleted.status()).toBe(200);

  // Closed, the site takes no new job.
  await row.getByRole("button", { name: `Close ${SITE}` }).click();
  await expect(row.getByRole("status")).toContainText(`${SITE} is closed`);
  await expect(row.getByRole("button", { name: `Open ${SITE}` })).toBeVisible();
  const refused = await request.put(`${JOBS}/e2e-arm-job-2?${VERSION}`, {
    headers: AUTH,
    data: {
      location: SITE,
      properties: {
        jobType: "Import",
        storageAccountId: "contosostore",
        driveList: [{ driveId: "E2EARM0002" }],
      },
    },
  });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error.message).toContain("no open datacenter site");
});
