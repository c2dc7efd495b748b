import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { demoStep } from "./demo-data.ts";

describe("the demo's clock", () => {
  it("never reaches the moment of seeding, and never goes backwards", () => {
    const now = new Date("2026-12-02T08:00:00Z");
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 * 86_400_000 }),
        fc.array(fc.integer({ min: 0, max: 300 * 3_600_000 }), { maxLength: 200 }),
        (ago, steps) => {
          let t = now.getTime() - ago;
          for (const step of steps) {
            const next = demoStep(t, step, now);
            expect(next).toBeGreaterThanOrEqual(t);
            expect(next).toBeLessThan(now.getTime());
            t = next;
          }
        },
      ),
    );
  });
});
