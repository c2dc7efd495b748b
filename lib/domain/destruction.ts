import { allow, refuse, type Decision } from "./refusal.ts";

/**
 * R-E1, R-E4: a destruction record certifies that these drives, and only these, were destroyed.
 * Its serials must be drives of the incident (its own drive, or its job's drives): a typo or a
 * serial of another customer's drive would put a false statement on a printed certificate.
 */
export function checkDestroyedSerials(
  serials: readonly string[],
  incidentDriveSerials: readonly string[],
  rule: string,
): Decision<string[]> {
  const known = new Set(incidentDriveSerials.map((s) => s.toUpperCase()));
  const listed = [...new Set(serials.map((s) => s.toUpperCase()))];
  if (listed.length === 0) {
    return refuse("guard_failed", "List the serial of every destroyed drive.", rule);
  }
  if (known.size === 0) {
    return refuse(
      "guard_failed",
      "This incident has no drive on record, so no destruction can be certified for it.",
      rule,
    );
  }
  const unknown = listed.filter((s) => !known.has(s));
  if (unknown.length > 0) {
    return refuse(
      "guard_failed",
      `${unknown.join(", ")} ${unknown.length === 1 ? "is not a drive" : "are not drives"} of this incident. List only its drives: ${[...known].sort().join(", ")}.`,
      rule,
    );
  }
  return allow(listed);
}
