import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DATE_RANGE_RULE, formDate, isoDateInRange, isSaneDate } from "./dates.ts";
import { recordOutcomeSchema } from "./incidents.ts";
import { UpdateJobParameters } from "./job-api.ts";

describe("dates people and clients give stay within 2000..2099", () => {
  it("refuses years 0001 and 9999, and the edges just outside", () => {
    for (const d of ["0001-01-01", "9999-12-31", "1999-12-31T23:59:59Z", "2100-01-01"]) {
      expect(formDate().safeParse(d).success, d).toBe(false);
      expect(isoDateInRange(z.string()).safeParse(d).success, d).toBe(false);
    }
    expect(isSaneDate(new Date(Number.NaN))).toBe(false);
  });

  it("accepts the dates of this service's life", () => {
    for (const d of ["2000-01-01", "2026-12-02", "2099-12-31T23:59:59Z"]) {
      expect(formDate().safeParse(d).success, d).toBe(true);
    }
  });

  it("R-E2: an extended wait until year 9999 is refused by the outcome form's schema", () => {
    const r = recordOutcomeSchema.safeParse({
      incidentId: "6f1d2a4e-8b9c-4d3e-9f00-123456789abc",
      outcome: "extended",
      note: "customer asked",
      extendUntil: "9999-12-31",
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toContain(DATE_RANGE_RULE);
  });

  it("the Job API's shipDate in year 0001 is refused", () => {
    const r = UpdateJobParameters.safeParse({
      properties: {
        deliveryPackage: {
          carrierName: "UPS",
          trackingNumber: "1Z999AA10123456784",
          shipDate: "0001-01-01",
        },
      },
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toContain(DATE_RANGE_RULE);
  });
});
