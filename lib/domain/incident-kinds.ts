/** The error events of docs/domain.md (R-E1..R-E5), as the Incident rows record them. */
export const INCIDENT_KINDS = [
  "JobNotShipping",
  "PackageOverdue",
  "ReturnedDrivesLostOrDamaged",
  "ReturnAddressInvalid",
  "ExtraDrive",
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
