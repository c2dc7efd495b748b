import { describe, expect, it } from "vitest";
import {
  FAULT_REASONS,
  FAULT_REASON_CODES,
  describeFault,
  faultReasonLabel,
} from "./fault-reasons.ts";

describe("fault reasons (R-F1)", () => {
  it("R-F1: lists every reason of the issue, each with a unique code and label", () => {
    const labels = FAULT_REASONS.map((r) => r.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        "Drive not received",
        "Manifest file error",
        "Export blob list invalid",
        "Blob access forbidden",
        "Unsupported disk",
        "Disk corrupted",
        "BitLocker unlock failed",
        "BitLocker volume not found",
        "BitLocker key invalid",
        "Hardware error",
        "NTFS volume not found",
        "Storage account not accessible",
        "Unsupported data",
        "Other",
      ]),
    );
    expect(new Set(FAULT_REASON_CODES).size).toBe(FAULT_REASONS.length);
    expect(new Set(labels).size).toBe(FAULT_REASONS.length);
  });

  it("R-F1: a fault is stored as '<label>: <note>'", () => {
    expect(faultReasonLabel("diskCorrupted")).toBe("Disk corrupted");
    expect(describeFault("bitLockerKeyInvalid", "  key rejected twice ")).toBe(
      "BitLocker key invalid: key rejected twice",
    );
  });
});
