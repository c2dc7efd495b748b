/**
 * What the dock tells the operator after a scan: a tone (colour and sound), a title to read at a
 * glance, and a sentence with the detail. Plain data, shared by the server and the dock page.
 */
export type ScanTone = "success" | "warning" | "error" | "info";
export type ScanOutcomeKind =
  | "received"
  | "receivedLate"
  | "duplicate"
  | "held"
  | "extra"
  | "shippedBack"
  | "error"
  /** Not recorded: the serial is one or two edits off an expected drive (R-E5). */
  | "nearMatch"
  /** Not recorded: the code looks like a carrier's tracking number that fails its check. */
  | "mistypedLabel"
  /** The page's own answers: a package opened, closed, a scan undone. */
  | "opened"
  | "closed"
  | "undone";

export type ScanOutcome = {
  kind: ScanOutcomeKind;
  tone: ScanTone;
  serial: string;
  title: string;
  detail: string;
  /**
   * Set when nothing was recorded because the scan may be a typo (nearMatch, mistypedLabel): the
   * serial that, scanned again right away, confirms it and is recorded as an extra drive (R-E5).
   */
  confirmSerial?: string;
};

const clock = new Intl.DateTimeFormat("en-GB", {
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

export const scanOutcome = {
  received(serial: string, jobName: string, late: boolean, jobNowReceived: boolean): ScanOutcome {
    return {
      kind: late ? "receivedLate" : "received",
      tone: "success",
      serial,
      title: late ? `Received late: ${serial}` : `Received: ${serial}`,
      detail: `${late ? "It was marked never received; now it is in (R-D10). " : ""}Job ${jobName}.${jobNowReceived ? " All of the job's drives are in: the job is Received." : ""}`,
    };
  },
  duplicate(
    serial: string,
    kind: "receive" | "shipBack",
    last: { at: Date; actorLabel: string } | null,
  ): ScanOutcome {
    const what = kind === "receive" ? "received" : "shipped back";
    return {
      kind: "duplicate",
      tone: "info",
      serial,
      title: `Already ${what}: ${serial}`,
      detail: last
        ? `Already ${what} at ${clock.format(last.at)} UTC by ${last.actorLabel}. Nothing changed.`
        : "Nothing changed.",
    };
  },
  held(serial: string, jobName: string | null): ScanOutcome {
    return {
      kind: "held",
      tone: "warning",
      serial,
      title: `Hold: ${serial}`,
      detail: jobName
        ? `Job ${jobName} is not in Shipping yet: set the drive aside. An incident is open for operations to contact the customer (R-E1).`
        : "No job on record has this drive: set it aside. An incident is open for operations (R-E1).",
    };
  },
  /** R-E1: jobs of more than one customer claim the drive; the incident names them for a supervisor. */
  heldContested(serial: string): ScanOutcome {
    return {
      kind: "held",
      tone: "warning",
      serial,
      title: `Hold: ${serial}`,
      detail:
        "More than one customer's job claims this drive: set it aside. An incident is open for a supervisor to check whose it is (R-E1).",
    };
  },
  extra(serial: string, jobName: string): ScanOutcome {
    return {
      kind: "extra",
      tone: "warning",
      serial,
      title: `Extra drive: ${serial}`,
      detail: `Not on job ${jobName}'s drive list. Do not process it: it goes back with the job (R-E5).`,
    };
  },
  shippedBack(
    serial: string,
    jobName: string,
    jobEnded: "Completed" | "Closed" | null,
  ): ScanOutcome {
    return {
      kind: "shippedBack",
      tone: "success",
      serial,
      title: `Shipped back: ${serial}`,
      detail: `Job ${jobName}.${jobEnded ? ` Every drive is back: the job is ${jobEnded}.` : ""}`,
    };
  },
  /** R-E5: a near miss of an expected drive. Nothing is recorded until the same serial comes again. */
  nearMatch(serial: string, suggestions: readonly string[]): ScanOutcome {
    const named =
      suggestions.length === 1
        ? suggestions[0]
        : `${suggestions.slice(0, -1).join(", ")} or ${suggestions.at(-1)}`;
    return {
      kind: "nearMatch",
      tone: "warning",
      serial,
      title: `Did you mean ${named}?`,
      detail: `${serial} is not on this package. Check the drive's label and scan it again; scan ${serial} again to record it as an extra drive (R-E5).`,
      confirmSerial: serial,
    };
  },
  /** A code shaped like a carrier's tracking number that fails its check, scanned as a drive. */
  mistypedLabel(serial: string, message: string): ScanOutcome {
    return {
      kind: "mistypedLabel",
      tone: "warning",
      serial,
      title: `Mistyped label? ${serial}`,
      detail: `${message} Nothing was recorded. If it is a drive's serial, scan it again to record it as an extra drive (R-E5).`,
      confirmSerial: serial,
    };
  },
  error(serial: string, message: string): ScanOutcome {
    return {
      kind: "error",
      tone: "error",
      serial,
      title: serial ? `Not done: ${serial}` : "Not done",
      detail: message,
    };
  },
};
