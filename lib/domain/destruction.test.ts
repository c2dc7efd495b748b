import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkDestroyedSerials } from "./destruction.ts";

describe("checkDestroyedSerials (R-E1, R-E4: a destruction certificate names only the incident's drives)", () => {
  it("R-E4: accepts the incident's own drives, whatever the case, each once", () => {
    expect(checkDestroyedSerials(["wd-1", "WD-2", "WD-1"], ["WD-1", "WD-2"], "R-E4")).toEqual({
      ok: true,
      value: ["WD-1", "WD-2"],
    });
  });

  it("R-E4: refuses a serial that is not one of the incident's drives, naming it and the right ones", () => {
    const d = checkDestroyedSerials(["WD-1", "WD-9"], ["WD-1", "WD-2"], "R-E4");
    expect(d).toMatchObject({ ok: false, refusal: { code: "guard_failed", rule: "R-E4" } });
    expect(!d.ok && d.refusal.message).toBe(
      "WD-9 is not a drive of this incident. List only its drives: WD-1, WD-2.",
    );
  });

  it("R-E1: refuses when the incident has no drive on record, and an empty list", () => {
    expect(checkDestroyedSerials(["WD-1"], [], "R-E1").ok).toBe(false);
    expect(checkDestroyedSerials([], ["WD-1"], "R-E1").ok).toBe(false);
  });

  it("R-E1, R-E4 property: accepted exactly when every serial is one of the incident's drives", () => {
    const serial = fc.constantFrom("A1", "B2", "C3", "D4", "E5");
    fc.assert(
      fc.property(
        fc.array(serial, { maxLength: 6 }),
        fc.array(serial, { maxLength: 4 }),
        (s, own) => {
          const d = checkDestroyedSerials(s, own, "R-E4");
          expect(d.ok).toBe(s.length > 0 && s.every((x) => own.includes(x)));
        },
      ),
    );
  });
});
