import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(() => t.drop());

describe("the database behind the app", () => {
  it("applies every migration to a fresh schema and round-trips enums and JSON", async () => {
    const customer = await t.db.customer.create({
      data: { name: "Contoso", contactName: "Ana", contactEmail: "ana@contoso.example" },
    });
    const job = await t.db.job.create({
      data: {
        customerId: customer.id,
        name: "contoso-import-1",
        type: "Import",
        storageAccount: "contosostore",
        returnAddress: { city: "Dublin" },
        drives: { create: [{ serial: "WD-WCC4N1234567", state: "Specified" }] },
      },
      include: { drives: true },
    });
    expect(job.state).toBe("Creating");
    expect(job.drives[0]?.state).toBe("Specified");
    const found = await t.db.job.findMany({ where: { state: { in: ["Creating", "Shipping"] } } });
    expect(found.map((j) => j.returnAddress)).toEqual([{ city: "Dublin" }]);
  });
});
