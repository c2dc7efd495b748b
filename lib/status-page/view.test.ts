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

  it("R-J6/R-E2: a Shipping job shows its package deadline and the answer deadline", () => {
    const v = statusPageView(
      source((s) => {
        s.job.state = "Shipping";
        s.drives = s.drives.map((d) => ({ ...d, state: "Specified" }));
        s.missingPackageAnswerBy = new Date(NOW.getTime() + 5 * 86_400_000);
      }),
      NOW,
    );
    expect(v.deadlines.map((d) => d.kind)).toEqual(["packageDue", "answerMissingPackage"]);
  });
});
