import { allow, refuse, type Decision } from "./refusal.ts";

/**
 * What the dock's one scan field receives (R-D3, R-E1): carrier tracking numbers from package
 * labels and drive serials from the barcodes on drives. Keyboard-wedge scanners type the code and
 * press Enter; people also type codes by hand, with spaces, dashes and lowercase letters.
 *
 * Tracking numbers, after removing whitespace, control characters (a scanner's Enter or Tab, the
 * GS1 group separator), dashes and dots, and uppercasing:
 *
 * | carrier | accepted                                            | check                                  |
 * |---------|-----------------------------------------------------|----------------------------------------|
 * | UPS     | `1Z` + 16 letters or digits                         | UPS mod 10 (as prisma/demo-data.ts)    |
 * | FedEx   | 12 digits (Express)                                 | weights 1,3,7 from the right, %11, %10 |
 * | FedEx   | 15 digits (Ground)                                  | GS1 mod 10                             |
 * | FedEx   | 20 digits starting `00` (AI 00 + SSCC-18)           | GS1 mod 10                             |
 * | FedEx   | 22 digits starting `96` (Ground 96)                 | GS1 mod 10 over its last 15 digits     |
 * | FedEx   | 34-digit label barcode (not `420`…) → its last 12   | the Express check on those 12          |
 * | DHL     | 10 digits (Express waybill)                         | first 9 digits mod 7                   |
 * | DHL     | `JJD` + 18 digits (piece id)                        | none published: format only            |
 * | USPS    | 20 digits (not `00`…) or 22 digits (not `96`…)      | GS1 mod 10 (20 digits: alone or `91`+) |
 * | any     | `420` + 5- or 9-digit ZIP + 20 or 22 digits → those | as those digits alone (USPS or FedEx)  |
 *
 * "barcode" marks a value cut out of a longer barcode payload (FedEx 34, 420+ZIP); "typed" a
 * value that already was the tracking number, whether scanned or typed. The FedEx 32-digit barcode
 * is not recognised: its layout is not published.
 */

export type Carrier = "UPS" | "FedEx" | "DHL" | "USPS";
export const SCAN_CARRIERS: readonly Carrier[] = ["UPS", "FedEx", "DHL", "USPS"];

/**
 * How scan refusals would be named if REFUSAL_CODES were open. It is closed, so the refusals below
 * carry the code "guard_failed"; this name is kept for callers that want to label them.
 */
export type ScanRefusalCode = "invalid_scan";

export type TrackingScan = { carrier: Carrier; trackingNumber: string; from: "barcode" | "typed" };
export type SerialScan = { serial: string };
export type ScanClass =
  | { kind: "tracking"; value: TrackingScan }
  | { kind: "serial"; value: SerialScan }
  | { kind: "unreadable"; message: string };

export const SCAN_MESSAGES = {
  nothing: "Nothing readable was scanned: rescan the label.",
  nothingSerial: "Nothing readable was scanned: rescan the drive's barcode.",
  nothingEither: "Nothing readable was scanned: rescan the package label or the drive's barcode.",
  serialNotTracking:
    "That looks like a drive serial, not a tracking number: scan the package label first.",
  trackingNotSerial: "That is a carrier tracking number, not a drive serial.",
  serialCharacters:
    "A drive serial has only letters, digits and dashes: rescan the drive's barcode or retype the serial.",
  serialDigit:
    "A drive serial has at least one digit: rescan the drive's barcode or retype the serial.",
} as const;

const checkMismatch = (c: Carrier) =>
  `That ${c} number's check digit does not match: rescan the label or retype the number.`;
const wrongLength = (c: Carrier, n: number, want: number) =>
  `That ${c} number has ${n} characters; a ${c} number has ${want}: rescan the label or retype the number.`;
const unknownDigits = (n: number) =>
  `That number has ${n} digits, which matches no UPS, FedEx, DHL or USPS tracking number: rescan the label or retype the number.`;
const serialLength = (n: number) =>
  `A drive serial has 6 to 40 characters, not ${n}: rescan the drive's barcode or retype the serial.`;

const refuseScan = (message: string) => refuse("guard_failed", message);

/** What a tracking number is read from: no separators, no control characters, uppercase. */
function cleanTracking(raw: string): string {
  return raw.replace(/[\s\p{Cc}.-]/gu, "").toUpperCase();
}

/** UPS: letters count (code - 63) mod 10, every second character doubled; exactly as demo-data. */
function upsCheck(body: string): number {
  let sum = 0;
  [...body].forEach((c, i) => {
    const v = /\d/.test(c) ? Number(c) : (c.charCodeAt(0) - 63) % 10;
    sum += i % 2 === 1 ? v * 2 : v;
  });
  return (10 - (sum % 10)) % 10;
}

/** FedEx Express: weights 1, 3, 7 from the right, sum mod 11, mod 10. */
function fedexExpressCheck(body: string): number {
  const weights = [1, 3, 7] as const;
  let sum = 0;
  [...body].reverse().forEach((c, i) => (sum += Number(c) * weights[i % 3]!));
  return (sum % 11) % 10;
}

/** GS1 mod 10: from the right, weights 3, 1, 3, ... */
function gs1Check(body: string): number {
  let sum = 0;
  [...body].reverse().forEach((c, i) => (sum += Number(c) * (i % 2 === 0 ? 3 : 1)));
  return (10 - (sum % 10)) % 10;
}

/** DHL Express: the first nine digits as a number, mod 7. */
const dhlCheck = (body: string) => Number(body) % 7;

type Parsed =
  | { ok: true; value: TrackingScan }
  /** near: the value has the shape of a carrier's number (prefix or length) but is not one. */
  | { ok: false; message: string; near: boolean };

/** The number when its last digit is `check`, else a check-digit refusal for that carrier. */
function checked(
  carrier: Carrier,
  number: string,
  check: number,
  from: TrackingScan["from"] = "typed",
): Parsed {
  return number.at(-1) === String(check)
    ? { ok: true, value: { carrier, trackingNumber: number, from } }
    : { ok: false, message: checkMismatch(carrier), near: true };
}

const USPS_BARCODE = /^420(?:\d{5}|\d{9})(\d{20}|\d{22})$/;

/** USPS IMpb: GS1 mod 10; a 20-digit number may be an IMpb without its "91" identifier. */
function parseUsps(s: string): Parsed {
  const body = s.slice(0, -1);
  const plain = checked("USPS", s, gs1Check(body));
  return plain.ok || s.length !== 20 ? plain : checked("USPS", s, gs1Check(`91${body}`));
}

/** A cleaned value read as a tracking number. */
function parseTracking(s: string): Parsed {
  if (s.startsWith("1Z") && /^[A-Z0-9]+$/.test(s)) {
    if (s.length !== 18)
      return { ok: false, message: wrongLength("UPS", s.length, 18), near: true };
    return checked("UPS", s, upsCheck(s.slice(2, 17)));
  }
  if (/^JJD\d+$/.test(s)) {
    if (s.length !== 21)
      return { ok: false, message: wrongLength("DHL", s.length, 21), near: true };
    return { ok: true, value: { carrier: "DHL", trackingNumber: s, from: "typed" } };
  }
  if (!/^\d+$/.test(s)) return { ok: false, message: SCAN_MESSAGES.nothing, near: false };
  const usps = [28, 30, 32, 34].includes(s.length) ? USPS_BARCODE.exec(s) : null;
  if (usps) {
    // The 20 or 22 digits after the routing prefix read as they would alone (USPS, or FedEx 00/96).
    const inner = parseTracking(usps[1]!);
    return inner.ok ? { ok: true, value: { ...inner.value, from: "barcode" } } : inner;
  }
  switch (s.length) {
    case 10:
      return checked("DHL", s, dhlCheck(s.slice(0, 9)));
    case 12:
      return checked("FedEx", s, fedexExpressCheck(s.slice(0, 11)));
    case 15:
      return checked("FedEx", s, gs1Check(s.slice(0, 14)));
    case 20:
      return s.startsWith("00") ? checked("FedEx", s, gs1Check(s.slice(2, 19))) : parseUsps(s);
    case 22:
      return s.startsWith("96") ? checked("FedEx", s, gs1Check(s.slice(7, 21))) : parseUsps(s);
    case 34: {
      const express = s.slice(-12);
      return checked("FedEx", express, fedexExpressCheck(express.slice(0, 11)), "barcode");
    }
    default:
      return { ok: false, message: unknownDigits(s.length), near: false };
  }
}

const SEAGATE = /^Z[ACLN][A-Z0-9]{6}$/;

/** What is wrong with a cleaned drive serial, or undefined when it is well formed. */
function serialProblem(serial: string): string | undefined {
  if (!/^[A-Z0-9-]+$/.test(serial)) return SCAN_MESSAGES.serialCharacters;
  if (serial.length < 6 || serial.length > 40) return serialLength(serial.length);
  // Seagate's Z[ACLN] + 6 may be all letters (prisma/demo-data.ts makes such serials).
  if (!/\d/.test(serial) && !SEAGATE.test(serial)) return SCAN_MESSAGES.serialDigit;
  return undefined;
}

/** A scanned or typed package label, read as a carrier tracking number. */
export function normalizeTrackingNumber(raw: string): Decision<TrackingScan> {
  const s = cleanTracking(raw);
  if (s === "") return refuseScan(SCAN_MESSAGES.nothing);
  const parsed = parseTracking(s);
  if (parsed.ok) return allow(parsed.value);
  if (parsed.near || /^\d+$/.test(s)) return refuseScan(parsed.message);
  if (serialProblem(s) === undefined) return refuseScan(SCAN_MESSAGES.serialNotTracking);
  return refuseScan(SCAN_MESSAGES.nothing);
}

/** A scanned or typed drive serial: no spaces, uppercase, letters, digits and dashes. */
export function normalizeDriveSerial(raw: string): Decision<SerialScan> {
  const serial = raw.replace(/[\s\p{Cc}]/gu, "").toUpperCase();
  if (serial === "") return refuseScan(SCAN_MESSAGES.nothingSerial);
  const problem = serialProblem(serial);
  if (problem !== undefined) return refuseScan(problem);
  if (parseTracking(cleanTracking(serial)).ok) return refuseScan(SCAN_MESSAGES.trackingNotSerial);
  return allow({ serial });
}

/**
 * One field that takes either. A valid tracking number wins. A 10- or 12-digit value whose DHL or
 * FedEx check digit fails is a drive serial when it is a valid one (some drives have numeric
 * serials); any other near miss of a carrier format (1Z..., JJD..., long digit strings) is a
 * misread label, so it is unreadable. Anything else is a serial if it is a valid one.
 */
export function classifyScan(raw: string): ScanClass {
  const s = cleanTracking(raw);
  const parsed = parseTracking(s);
  if (parsed.ok) return { kind: "tracking", value: parsed.value };
  if (!parsed.near || /^(?:\d{10}|\d{12})$/.test(s)) {
    const serial = normalizeDriveSerial(raw);
    if (serial.ok) return { kind: "serial", value: serial.value };
  }
  return {
    kind: "unreadable",
    message: parsed.near ? parsed.message : SCAN_MESSAGES.nothingEither,
  };
}

/**
 * A value with the shape of a carrier's tracking number (its prefix or its length) that is not a
 * valid one: a misread or mistyped package label. The sentence says which carrier's number it looks
 * like and what is wrong with it; null for anything else (a valid number, or no carrier's shape).
 * A 10- or 12-digit value whose check digit fails may also be a numeric drive serial, so the dock
 * asks before it records one as an extra drive (R-E5) instead of refusing it.
 */
export function mistypedTrackingNumber(raw: string): string | null {
  const parsed = parseTracking(cleanTracking(raw));
  return !parsed.ok && parsed.near ? parsed.message : null;
}

/** The carrier's public tracking page for a tracking number (for status pages). */
export function carrierTrackingUrl(carrier: Carrier, trackingNumber: string): string {
  const n = encodeURIComponent(trackingNumber);
  switch (carrier) {
    case "UPS":
      return `https://www.ups.com/track?tracknum=${n}`;
    case "FedEx":
      return `https://www.fedex.com/fedextrack/?trknbr=${n}`;
    case "DHL":
      return `https://www.dhl.com/global-en/home/tracking.html?tracking-id=${n}&submit=1`;
    case "USPS":
      return `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`;
  }
}
