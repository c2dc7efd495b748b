import { allow, refuse, type Decision } from "../refusal.ts";

/**
 * Close against scans, the one rule (R-D4, R-D10). A package's close and the scans into it take
 * turns: a scan that committed before the close is counted by it (its drive is in, not missing);
 * a scan that comes after the close is refused with this sentence, and the operator reopens the
 * package by scanning its label again. A drive the close marked NeverReceived that turns up later
 * is received late (R-D10), with its own event. A close is never refused because a scan was first:
 * it plans on what is there when its turn comes.
 */
export function scanIntoPackage(pkg: {
  direction: "Inbound" | "Return";
  closed: boolean;
}): Decision<null> {
  if (!pkg.closed) return allow(null);
  return pkg.direction === "Inbound"
    ? refuse(
        "guard_failed",
        "Package closed: scan its label again to reopen it and receive more.",
        "R-D4",
      )
    : refuse("guard_failed", "Return package closed: scan its label again to reopen it.", "R-D9");
}
