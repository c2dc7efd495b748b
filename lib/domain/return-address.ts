/** The fields of a return address as a form or the API gives them (returnAddress.*). */
export type ReturnAddressFields = Readonly<Record<string, string | undefined>>;

const normalized = (v: unknown) =>
  typeof v === "string" ? v.trim().replace(/\s+/g, " ").toLowerCase() : "";

/** Two return addresses name the same place: every field equal, ignoring case, spacing and blanks. */
export function sameReturnAddress(current: unknown, next: ReturnAddressFields): boolean {
  if (current === null || typeof current !== "object" || Array.isArray(current)) return false;
  const before = current as Record<string, unknown>;
  const keys = new Set([...Object.keys(before), ...Object.keys(next)]);
  return [...keys].every((k) => normalized(before[k]) === normalized(next[k]));
}
