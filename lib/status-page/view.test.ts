import { describe, expect, it } from "vitest";
import { sampleStatusPageSource } from "./sample.ts";
import { knownCarrier, statusPageView, type StatusPageSource } from "./view.ts";

const NOW = new Date("2026-11-02T09:00:00Z");

function source(patch: (s: StatusPageSource) => void = () => {}): StatusPageSource {
  const s = sampleStatusPageSource(NOW);
  patch(s);
  return s;
}

describe("the status page's view of a job", () => {
  it("R-G1/R-G2: the job's state and its approximate percent complete", () => {
    const v = statusPageView(source(), NOW);
    expect(v).toMatchObject({ name: "contoso-backup-2026-11", state: "Transferring" });
    // (100 + 42 + 0) / 3
    expect(v.percentComplete).toBe(47);
  });

  it("R-G3: each drive's state, and its own percent by the same rule", () => {
    const v = statusPageView(
      source((s) => {
        s.drives = [
          ...s.drives,
          { ...s.drives[1]!, serial: "LATE-1", state: "NeverReceived" },
          { ...s.drives[1]!, serial: "EXTRA-1", state: "Received", extra: true },
          { ...s.drives[1]!, serial: "F-1", state: "Faulted", faultedFrom: "Completed" },
        ];
      }),
      NOW,
    );
    expect(v.drives.map((d) => [d.driveId, d.state, d.percent])).toEqual([
      ["WD-WCC4N0123456", "Completed", 100],
      ["WD-WCC4N0654321", "Transferring", 42],
      ["ST-ZA2B3C4D", "Received", 0],
      ["LATE-1", "NeverReceived", null],
      ["EXTRA-1", "Received", null],
      ["F-1", "Faulted", 100],
    ]);
  });

  it("R-G4: the error log always, the verbose log only when verbose logging is on", () => {
    const verbose = statusPageView(source(), NOW).drives[0]!;
    expect(verbose.errorLogUri).toMatch(/error\.log$/);
    expect(verbose.verboseLogUri).toMatch(/verbose\.log$/);
    const quiet = statusPageView(
      source((s) => {
        s.job.logLevel = "Error";
      }),
      NOW,
    ).drives[0]!;
    expect(quiet.errorLogUri).toMatch(/error\.log$/);
    expect(quiet.verboseLogUri).toBeNull();
  });

  it("the timeline keeps the changes of state only, oldest first, and no pseudo-state", () => {
    const v = statusPageView(
      source((s) => {
        s.stateEvents = [
          ...s.stateEvents,
          { at: NOW, fromState: "Transferring", toState: "Deleted" },
        ];
      }),
      NOW,
    );
    expect(v.timeline.map((t) => t.state)).toEqual([
      "Creating",
      "Shipping",
      "Received",
      "Transferring",
    ]);
  });

  it("tracking: the delivery package, and each return package, with the carrier we can link", () => {
    const v = statusPageView(
      source((s) => {
        s.returnPackages = [{ carrier: "ups", trackingNumber: "1Z999AA10123456784" }];
      }),
      NOW,
    );
    expect(v.delivery).toEqual({
      carrier: "FedEx",
      knownCarrier: "FedEx",
      trackingNumber: "123456789012",
    });
    expect(v.returns).toEqual([
      { carrier: "ups", knownCarrier: "UPS", trackingNumber: "1Z999AA10123456784" },
    ]);
  });

  it("knows the carriers of the dock's scanner, and no other", () => {
    expect(["FedEx Ground", "usps", "DHL Express", "UPS"].map(knownCarrier)).toEqual([
      "FedEx",
      "USPS",
      "DHL",
      "UPS",
    ]);
    expect(knownCarrier("Royal Mail")).toBeNull();
  });

  it("R-J6: a Shipping job waiting for its package shows when the package is due", () => {
    const v = statusPageView(
      source((s) => {
        s.job.state = "Shipping";
        s.drives = s.drives.map((d) => ({ ...d, state: "Specified" }));
      }),
      NOW,
    );
    expect(v.deadlines.map((d) => d.kind)).toEqual(["packageDue"]);
  });

  it("R-E2: with the package-overdue incident open, only its answer deadline is shown", () => {
    const answerBy = new Date(NOW.getTime() + 5 * 86_400_000);
    const v = statusPageView(
      source((s) => {
        s.job.state = "Shipping";
        s.job.shippingInfoAt = new Date(NOW.getTime() - 20 * 86_400_000);
        s.drives = s.drives.map((d) => ({ ...d, state: "NeverReceived" }));
        s.missingPackageAnswerBy = answerBy;
      }),
      NOW,
    );
    expect(v.deadlines).toMatchObject([{ kind: "answerMissingPackage", at: answerBy }]);
  });

  it("R-E2: an extended wait is shown as the date we wait until", () => {
    const until = new Date(NOW.getTime() + 40 * 86_400_000);
    const v = statusPageView(
      source((s) => {
        s.job.state = "Shipping";
        s.drives = s.drives.map((d) => ({ ...d, state: "NeverReceived" }));
        s.missingPackageAnswerBy = until;
        s.missingPackageWaitExtended = true;
      }),
      NOW,
    );
    expect(v.deadlines).toMatchObject([{ kind: "packageWaitExtended", at: until }]);
  });

  it("R-E4: a wrong return address shows its destruction deadline while the drives are here", () => {
    const at = new Date(NOW.getTime() + 80 * 86_400_000);
    const transferring = statusPageView(
      source((s) => void (s.returnAddressDestructionAt = at)),
      NOW,
    );
    expect(transferring.deadlines).toMatchObject([
      { kind: "returnAddressDestruction", rules: ["R-E4"], at, passed: false },
    ]);
    const packaging = statusPageView(
      source((s) => {
        s.job.state = "Packaging";
        s.returnAddressDestructionAt = at;
      }),
      NOW,
    );
    expect(packaging.deadlines.map((d) => d.kind)).toEqual(["returnAddressDestruction"]);
  });

  it("R-J14, R-G2: a cancelled job's percent says what was copied: 0, as Get Job and the console say", () => {
    const v = statusPageView(
      source((s) => {
        s.job.state = "Closed";
        s.job.cancelRequested = true;
        s.job.closedAt = NOW;
        s.drives = s.drives.map((d) => ({ ...d, state: "Specified", percentComplete: 0 }));
      }),
      NOW,
    );
    expect(v.cancelled).toBe(true);
    expect(v.percentComplete).toBe(0);
    expect(v.drives.map((d) => d.percent)).toEqual([0, 0, 0]);
    // The same job, not cancelled, keeps the domain's R-G2 figure.
    const closed = statusPageView(
      source((s) => {
        s.job.state = "Closed";
        s.job.closedAt = NOW;
        s.drives = s.drives.map((d) => ({
          ...d,
          state: "ShippedBack" as const,
          percentComplete: 100,
        }));
      }),
      NOW,
    );
    expect(closed.cancelled).toBe(false);
    expect(closed.percentComplete).toBe(100);
  });
});
