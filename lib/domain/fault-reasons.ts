/**
 * Why a job or a drive was moved to Faulted (R-F1), as data. The codes follow the Azure
 * Import/Export service's drive and job errors; `other` needs the note to say what happened.
 */
export const FAULT_REASONS = [
  { code: "driveNotReceived", label: "Drive not received" },
  { code: "manifestFileError", label: "Manifest file error" },
  { code: "exportBlobListInvalid", label: "Export blob list invalid" },
  { code: "blobAccessForbidden", label: "Blob access forbidden" },
  { code: "unsupportedDisk", label: "Unsupported disk" },
  { code: "diskCorrupted", label: "Disk corrupted" },
  { code: "bitLockerUnlockFailed", label: "BitLocker unlock failed" },
  { code: "bitLockerVolumeNotFound", label: "BitLocker volume not found" },
  { code: "bitLockerKeyInvalid", label: "BitLocker key invalid" },
  { code: "hardwareError", label: "Hardware error" },
  { code: "ntfsVolumeNotFound", label: "NTFS volume not found" },
  { code: "storageAccountNotAccessible", label: "Storage account not accessible" },
  { code: "unsupportedData", label: "Unsupported data" },
  { code: "other", label: "Other" },
] as const;

export type FaultReasonCode = (typeof FAULT_REASONS)[number]["code"];

export const FAULT_REASON_CODES = FAULT_REASONS.map((r) => r.code) as [
  FaultReasonCode,
  ...FaultReasonCode[],
];

export function faultReasonLabel(code: FaultReasonCode): string {
  return FAULT_REASONS.find((r) => r.code === code)?.label ?? code;
}

/** The reason as stored on the job or drive and shown everywhere: "<label>: <note>". */
export function describeFault(code: FaultReasonCode, note: string): string {
  return `${faultReasonLabel(code)}: ${note.trim()}`;
}
