import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  dhlTrackingNumber,
  driveSerial,
  fedexTrackingNumber,
  seededRandom,
  upsTrackingNumber,
} from "../../prisma/demo-data.ts";
import {
  carrierTrackingUrl,
  classifyScan,
  mistypedTrackingNumber,
  normalizeDriveSerial,
  normalizeTrackingNumber,
  SCAN_CARRIERS,
  SCAN_MESSAGES,
  type Carrier,
} from "./scan-codes.ts";

const CHECK_MISMATCH = (c: Carrier) =>
  `That ${c} number's check digit does not match: rescan the label or retype the number.`;

const seed = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const GENERATORS = [
  ["UPS", upsTrackingNumber],
  ["FedEx", fedexTrackingNumber],
  ["DHL", dhlTrackingNumber],
] as const;

/** How people and scanners mangle a code: separators between characters, lowercase. */
const mangled = (value: string) =>
  fc
    .tuple(
      fc.array(fc.constantFrom("", "", " ", "-", ".", "\t"), {
        minLength: value.length,
        maxLength: value.length,
      }),
      fc.boolean(),
    )
    .map(([seps, lower]) => {
      const s = [...value].map((c, i) => `${seps[i]}${c}`).join("");
      return ` ${lower ? s.toLowerCase() : s}\r\n`;
    });

describe("R-E1: tracking numbers read from package labels", () => {
  it.each([
    ["1Z999AA10123456784", "UPS", "1Z999AA10123456784", "typed"],
    ["1z 999 aa1 0123 4567 84", "UPS", "1Z999AA10123456784", "typed"],
    ["1Z-5R8-939-0357-5671-27", "UPS", "1Z5R89390357567127", "typed"],
    ["1z879e930346834440", "UPS", "1Z879E930346834440", "typed"],
    ["986578788855", "FedEx", "986578788855", "typed"],
    ["7905 3531 2317", "FedEx", "790535312317", "typed"],
    ["1001901781990001000300617767839437", "FedEx", "617767839437", "barcode"],
    ["1001 9217 8199 0001 0003 0077 9017 9726 97", "FedEx", "779017972697", "barcode"],
    ["9622001560000000000000794808390594", "FedEx", "794808390594", "barcode"],
    ["0414 4176 0228 964", "FedEx", "041441760228964", "typed"],
    ["9611020987654312345672", "FedEx", "9611020987654312345672", "typed"],
    ["00 000123450000000027", "FedEx", "00000123450000000027", "typed"],
    ["3318810025", "DHL", "3318810025", "typed"],
    ["33.1881.0036", "DHL", "3318810036", "typed"],
    ["jjd000390007823562341", "DHL", "JJD000390007823562341", "typed"],
    ["9400 1112 0108 0805 4830 16", "USPS", "9400111201080805483016", "typed"],
    ["0307 1790 0005 2348 3741", "USPS", "03071790000523483741", "typed"],
    ["7196 9010 7560 0307 7385", "USPS", "71969010756003077385", "typed"],
    ["420 22153 9101026837331000039521", "USPS", "9101026837331000039521", "barcode"],
    ["4201002334249200190132607600833457", "USPS", "9200190132607600833457", "barcode"],
  ] as const)("R-E1: %j is %s %s (%s)", (raw, carrier, trackingNumber, from) => {
    expect(normalizeTrackingNumber(raw)).toEqual({
      ok: true,
      value: { carrier, trackingNumber, from },
    });
  });

  it.each([
    ["1Z999AA10123456785", CHECK_MISMATCH("UPS")],
    ["1Z999AA1012345678X", CHECK_MISMATCH("UPS")],
    ["996578788855", CHECK_MISMATCH("FedEx")],
    ["1001901781990001000300617767839438", CHECK_MISMATCH("FedEx")],
    ["5682 8361 0012 732", CHECK_MISMATCH("FedEx")],
    ["9600000000000000000001", CHECK_MISMATCH("FedEx")],
    ["3318810034", CHECK_MISMATCH("DHL")],
    ["3318810018", CHECK_MISMATCH("DHL")],
    ["0307 1790 0005 2348 3742", CHECK_MISMATCH("USPS")],
    ["4201028200009261290113185417468511", CHECK_MISMATCH("USPS")],
    ["WD-WCC4N1ABC123", SCAN_MESSAGES.serialNotTracking],
    ["s3z9nb0k123456a", SCAN_MESSAGES.serialNotTracking],
    ["", SCAN_MESSAGES.nothing],
    ["  \r\n", SCAN_MESSAGES.nothing],
    ["-- . --", SCAN_MESSAGES.nothing],
    ["héllo wörld!", SCAN_MESSAGES.nothing],
  ])("R-E1: %j is refused: %s", (raw, message) => {
    expect(normalizeTrackingNumber(raw)).toEqual({
      ok: false,
      refusal: { code: "guard_failed", message },
    });
  });

  it("R-E1: near misses say what is wrong with them", () => {
    const message = (raw: string) => {
      const d = normalizeTrackingNumber(raw);
      return d.ok ? "" : d.refusal.message;
    };
    expect(message("1Z999AA1012345678")).toMatch(
      /UPS number has 17 characters; a UPS number has 18/,
    );
    expect(message("JJD00039000782356234")).toMatch(/DHL number has 20 characters/);
    expect(message("12345678")).toMatch(/^That number has 8 digits, which matches no UPS/);
  });

  it("R-E1: every tracking number the demo data generates reads back as itself", () => {
    fc.assert(
      fc.property(seed, fc.constantFrom(...GENERATORS), (s, [carrier, generate]) => {
        const trackingNumber = generate(seededRandom(s));
        expect(normalizeTrackingNumber(trackingNumber)).toEqual({
          ok: true,
          value: { carrier, trackingNumber, from: "typed" },
        });
      }),
    );
  });

  it("R-E1: spaces, dashes, dots, tabs, Enter and lowercase do not change what is read", () => {
    const sample = fc
      .tuple(seed, fc.constantFrom(...GENERATORS))
      .chain(([s, [carrier, generate]]) => {
        const value = generate(seededRandom(s));
        return mangled(value).map((raw) => ({ carrier, value, raw }));
      });
    fc.assert(
      fc.property(sample, ({ carrier, value, raw }) => {
        expect(normalizeTrackingNumber(raw)).toMatchObject({
          ok: true,
          value: { carrier, trackingNumber: value },
        });
      }),
    );
  });

  it("R-E1: a FedEx 34-digit label barcode reads as the 12-digit number it ends with", () => {
    const barcode = fc
      .tuple(seed, fc.stringMatching(/^\d{19}$/))
      .map(([s, middle]) => ({ express: fedexTrackingNumber(seededRandom(s)), middle }));
    fc.assert(
      fc.property(barcode, ({ express, middle }) => {
        expect(normalizeTrackingNumber(`100${middle}${express}`)).toEqual({
          ok: true,
          value: { carrier: "FedEx", trackingNumber: express, from: "barcode" },
        });
      }),
    );
  });
});

/** Whether replacing the digit at `i` by `digit` must break the carrier's check (see the file's header). */
function detectable(carrier: Carrier, value: string, i: number, digit: number): boolean {
  const old = Number(value[i]);
  const delta = digit - old;
  if (!/\d/.test(value[i] ?? "") || delta === 0) return false;
  if (i === value.length - 1) return true; // a different check digit never matches
  if (carrier === "UPS") return i >= 2 && ((i - 2) % 2 === 0 || delta % 5 !== 0); // doubled: +-5 is 10
  if (carrier === "DHL") return Math.abs(delta) !== 7; // 10^k is never 0 mod 7
  // FedEx: the sum mod 11 always changes, but 0 and 10 both give check digit 0.
  const mod11 = (v: string) =>
    [...v.slice(0, 11)].reverse().reduce((sum, c, k) => sum + Number(c) * [1, 3, 7][k % 3]!, 0) %
    11;
  const changed = `${value.slice(0, i)}${digit}${value.slice(i + 1)}`;
  return mod11(value) % 10 !== mod11(changed) % 10;
}

describe("R-E1: a misread digit is caught by the check digit", () => {
  it("R-E1: one changed digit in a UPS, FedEx or DHL number is refused", () => {
    const sample = fc
      .tuple(seed, fc.constantFrom(...GENERATORS), fc.nat(), fc.integer({ min: 0, max: 9 }))
      .map(([s, [carrier, generate], at, digit]) => {
        const value = generate(seededRandom(s));
        return { carrier, value, i: at % value.length, digit };
      });
    fc.assert(
      fc.property(sample, ({ carrier, value, i, digit }) => {
        fc.pre(detectable(carrier, value, i, digit));
        const changed = `${value.slice(0, i)}${digit}${value.slice(i + 1)}`;
        expect(normalizeTrackingNumber(changed)).toEqual({
          ok: false,
          refusal: { code: "guard_failed", message: CHECK_MISMATCH(carrier) },
        });
      }),
    );
  });
});

describe("R-D3: drive serials read from the drives' barcodes", () => {
  it.each([
    ["WD-WCC4N1ABC123", "WD-WCC4N1ABC123"],
    ["ZA1B2C3D", "ZA1B2C3D"],
    ["ZAHERUWY", "ZAHERUWY"], // Seagate's form may be all letters (demo-data makes such serials)
    ["12a34567fs9a", "12A34567FS9A"],
    [" 2EKA 1B2C\r\n", "2EKA1B2C"],
    ["S3Z9NB0K123456A", "S3Z9NB0K123456A"],
    ["1234567890", "1234567890"], // numeric, and not a DHL number (123456789 mod 7 is 1)
  ])("R-D3: %j is the serial %s", (raw, serial) => {
    expect(normalizeDriveSerial(raw)).toEqual({ ok: true, value: { serial } });
  });

  it.each([
    ["", SCAN_MESSAGES.nothingSerial],
    ["WD_WCC4N1ABC123", SCAN_MESSAGES.serialCharacters],
    ["WD.WCC4N1ABC123", SCAN_MESSAGES.serialCharacters],
    [
      "AB12",
      "A drive serial has 6 to 40 characters, not 4: rescan the drive's barcode or retype the serial.",
    ],
    [
      "A1".repeat(21),
      "A drive serial has 6 to 40 characters, not 42: rescan the drive's barcode or retype the serial.",
    ],
    ["ABCDEFGH", SCAN_MESSAGES.serialDigit],
    ["1Z999AA10123456784", SCAN_MESSAGES.trackingNotSerial],
    ["986578788855", SCAN_MESSAGES.trackingNotSerial],
    ["3318810025", SCAN_MESSAGES.trackingNotSerial],
  ])("R-D3: %j is refused: %s", (raw, message) => {
    expect(normalizeDriveSerial(raw)).toEqual({
      ok: false,
      refusal: { code: "guard_failed", message },
    });
  });

  it("R-D3: every demo serial is accepted as itself, and never read as a tracking number", () => {
    fc.assert(
      fc.property(seed, (s) => {
        const serial = driveSerial(seededRandom(s));
        expect(normalizeDriveSerial(serial)).toEqual({ ok: true, value: { serial } });
        expect(classifyScan(serial)).toEqual({ kind: "serial", value: { serial } });
        expect(normalizeTrackingNumber(serial)).toEqual({
          ok: false,
          refusal: { code: "guard_failed", message: SCAN_MESSAGES.serialNotTracking },
        });
      }),
    );
  });
});

describe("R-D3 / R-E1: one scan field for labels and drives", () => {
  it.each([
    [
      "1z999aa10123456784",
      {
        kind: "tracking",
        value: { carrier: "UPS", trackingNumber: "1Z999AA10123456784", from: "typed" },
      },
    ],
    [
      "3318810025",
      { kind: "tracking", value: { carrier: "DHL", trackingNumber: "3318810025", from: "typed" } },
    ],
    ["WD-WCC4N1ABC123", { kind: "serial", value: { serial: "WD-WCC4N1ABC123" } }],
    ["3318810034", { kind: "serial", value: { serial: "3318810034" } }],
    ["996578788855", { kind: "serial", value: { serial: "996578788855" } }],
    ["99.6578.788855", { kind: "unreadable", message: CHECK_MISMATCH("FedEx") }],
    ["1Z999AA10123456785", { kind: "unreadable", message: CHECK_MISMATCH("UPS") }],
    ["0307 1790 0005 2348 3742", { kind: "unreadable", message: CHECK_MISMATCH("USPS") }],
    ["12345678", { kind: "serial", value: { serial: "12345678" } }],
    ["", { kind: "unreadable", message: SCAN_MESSAGES.nothingEither }],
    ["abc", { kind: "unreadable", message: SCAN_MESSAGES.nothingEither }],
    ["§§§§§§§", { kind: "unreadable", message: SCAN_MESSAGES.nothingEither }],
  ] as const)("%j -> %o", (raw, expected) => {
    expect(classifyScan(raw)).toEqual(expected);
  });

  it("R-E1: a valid demo tracking number is always classified as tracking", () => {
    fc.assert(
      fc.property(seed, fc.constantFrom(...GENERATORS), (s, [carrier, generate]) => {
        expect(classifyScan(generate(seededRandom(s)))).toMatchObject({
          kind: "tracking",
          value: { carrier },
        });
      }),
    );
  });
});

describe("normalizing twice changes nothing", () => {
  const scanned = fc.oneof(
    fc.string({ unit: fc.constantFrom(..."0123456789AZjdJDz1 -.\t"), maxLength: 40 }),
    fc.stringMatching(/^\d{10,34}$/),
    fc.tuple(seed, fc.constantFrom(...GENERATORS)).map(([s, [, g]]) => g(seededRandom(s))),
    seed.map((s) => driveSerial(seededRandom(s))),
  );
  it("R-E1: a normalized tracking number normalizes to itself", () => {
    fc.assert(
      fc.property(scanned, (raw) => {
        const once = normalizeTrackingNumber(raw);
        if (!once.ok) return;
        expect(normalizeTrackingNumber(once.value.trackingNumber)).toEqual({
          ok: true,
          value: { ...once.value, from: "typed" },
        });
      }),
    );
  });
  it("R-D3: a normalized serial normalizes to itself, and classification is stable", () => {
    fc.assert(
      fc.property(scanned, (raw) => {
        const once = normalizeDriveSerial(raw);
        if (once.ok) expect(normalizeDriveSerial(once.value.serial)).toEqual(once);
        const kind = classifyScan(raw);
        if (kind.kind === "serial") expect(classifyScan(kind.value.serial)).toEqual(kind);
        if (kind.kind === "tracking") {
          expect(classifyScan(kind.value.trackingNumber)).toMatchObject({
            kind: "tracking",
            value: { carrier: kind.value.carrier, trackingNumber: kind.value.trackingNumber },
          });
        }
      }),
    );
  });
});

describe("carriers' public tracking pages", () => {
  it.each([
    ["UPS", "1Z999AA10123456784", "https://www.ups.com/track?tracknum=1Z999AA10123456784"],
    ["FedEx", "986578788855", "https://www.fedex.com/fedextrack/?trknbr=986578788855"],
    [
      "DHL",
      "3318810025",
      "https://www.dhl.com/global-en/home/tracking.html?tracking-id=3318810025&submit=1",
    ],
    [
      "USPS",
      "9400111201080805483016",
      "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111201080805483016",
    ],
  ] as const)("%s %s -> %s", (carrier, n, url) => {
    expect(carrierTrackingUrl(carrier, n)).toBe(url);
  });
  it("every carrier has an https page, and the number cannot break out of its parameter", () => {
    for (const carrier of SCAN_CARRIERS) {
      const url = new URL(carrierTrackingUrl(carrier, "12&x=<1>#"));
      expect(url.protocol).toBe("https:");
      expect([...url.searchParams.values()]).toContain("12&x=<1>#");
    }
  });
});

describe("mistypedTrackingNumber: a misread label says so, also while a package is open (R-D3, R-E5)", () => {
  it("R-D3: a carrier's number with one digit changed names the carrier and its check digit", () => {
    fc.assert(
      fc.property(
        seed,
        fc.constantFrom(...GENERATORS),
        fc.integer({ min: 1, max: 9 }),
        (s, [carrier, make], bump) => {
          const valid = make(seededRandom(s));
          expect(mistypedTrackingNumber(valid)).toBeNull();
          const last = Number(valid.at(-1));
          const wrong = `${valid.slice(0, -1)}${(last + bump) % 10}`;
          if (carrier === "DHL" && valid.startsWith("JJD")) return;
          expect(mistypedTrackingNumber(wrong)).toBe(CHECK_MISMATCH(carrier));
        },
      ),
    );
  });

  it("R-E5: a mistyped 12-digit FedEx label is not read as a clean drive serial", () => {
    expect(mistypedTrackingNumber("123456789013")).toBe(CHECK_MISMATCH("FedEx"));
    expect(mistypedTrackingNumber("1Z999AA1012345678")).toMatch(
      /^That UPS number has 17 characters/,
    );
  });

  it("R-D3: drive serials and valid labels are not mistyped labels", () => {
    fc.assert(
      fc.property(seed, (s) => {
        expect(mistypedTrackingNumber(driveSerial(seededRandom(s)))).toBeNull();
      }),
    );
    expect(mistypedTrackingNumber("WD-WCC4E1234567")).toBeNull();
  });
});
