import { describe, expect, it } from "vitest";
import { customerJobStatus, type StatusJobInput } from "./job-status.ts";

const job = (logLevel: "Error" | "Verbose"): StatusJobInput => ({
  name: "backup-2026-03",
  type: "Import",
  state: "Transferring",
  logLevel,
  drives: [
    {
      driveId: "WD-1",
      state: "Completed",
      percent: 100,
      extra: false,
      errorLogUri: "https://logs/1.err",
      verboseLogUri: "https://logs/1.verbose",
    },
    {
      driveId: "WD-2",
      state: "Transferring",
      percent: 50,
      extra: false,
      errorLogUri: null,
      verboseLogUri: null,
    },
  ],
});

describe("what Get Job tells the customer", () => {
  it("R-G1: the job's current state, in words too", () => {
    const s = customerJobStatus(job("Error"));
    expect(s.state).toBe("Transferring");
    expect(s.description).toMatch(/being copied/);
  });
  it("R-G2: the approximate percentage complete", () => {
    expect(customerJobStatus(job("Error")).percentComplete).toBe(75);
  });
  it("R-G3: each drive's current state", () => {
    expect(customerJobStatus(job("Error")).drives.map((d) => [d.driveId, d.state])).toEqual([
      ["WD-1", "Completed"],
      ["WD-2", "Transferring"],
    ]);
  });
  it("R-G4: each drive's error log URI, and the verbose log only when verbose logging is on", () => {
    expect(customerJobStatus(job("Error")).drives[0]).toMatchObject({
      errorLogUri: "https://logs/1.err",
      verboseLogUri: null,
    });
    expect(customerJobStatus(job("Verbose")).drives[0]).toMatchObject({
      verboseLogUri: "https://logs/1.verbose",
    });
  });
  it("R-G4: nothing secret passes, even when the caller hands over a full row", () => {
    const withSecret = {
      ...job("Verbose"),
      drives: job("Verbose").drives.map((d) => ({ ...d, bitLockerKey: "123-456" })),
    };
    expect(JSON.stringify(customerJobStatus(withSecret))).not.toContain("123-456");
  });
});
