import { describe, expect, it } from "vitest";
import { openedOutcome } from "@/components/dock/package-outcomes";

const pkg = (jobNames: string[]) => ({
  packageId: "p1",
  carrier: "DHL",
  trackingNumber: "1Z999",
  jobNames,
  reopened: false,
});

describe("what the dock says when a package opens", () => {
  it("names the package and its job, and asks for its drives", () => {
    expect(openedOutcome(pkg(["contoso-1"]), "receive")).toEqual({
      kind: "opened",
      tone: "info",
      serial: "1Z999",
      title: "DHL 1Z999 open",
      detail: "For job contoso-1. Scan its drives.",
    });
  });

  it("R-E1: a label no job has still opens, and says each drive will be held", () => {
    expect(openedOutcome(pkg([]), "receive").detail).toBe(
      "No job has this tracking number: scan the drives, each is held (R-E1).",
    );
  });

  it("a return package asks for the drives going back", () => {
    expect(openedOutcome(pkg(["contoso-1"]), "ship").detail).toBe(
      "Scan the drives going back in this package.",
    );
  });

  it("the next label that closed a complete package says so first", () => {
    const closed = { packageId: "p0", carrier: "UPS", trackingNumber: "1Z000", drives: [] };
    expect(openedOutcome(pkg(["contoso-2"]), "receive", closed).detail).toBe(
      "UPS 1Z000 closed: every expected drive is in. For job contoso-2. Scan its drives.",
    );
  });
});
