import { z } from "zod";
import { DATE_RANGE_RULE, isSaneDate } from "@/lib/validation/dates.ts";
import { SCAN_CARRIERS, type Carrier } from "@/lib/domain/scan-codes.ts";
import { printableText } from "@/lib/validation/text.ts";

/**
 * Fields of the Azure Import/Export API (api-version 2021-01-01) that its clients send in forms
 * of their own: enum values in any case, carrier names we do not know, dates as the spec's
 * examples write them, drive header hashes as the WAImportExport tool writes them, tags, the
 * encryption key's properties. Each is accepted here and turned into one stored form.
 */

/** The only api-version this API speaks. */
export const API_VERSION = "2021-01-01";

/** A string enum that accepts any case (`import`, `IMPORT`) and answers in the enum's own case. */
export function caseInsensitiveEnum<const T extends readonly [string, ...string[]]>(
  values: T,
  message: string,
) {
  return z
    .string({ error: message })
    .trim()
    .transform((raw, ctx) => {
      const found = values.find((v) => v.toLowerCase() === raw.toLowerCase());
      if (found) return found as T[number];
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    })
    .meta({ enum: [...values] });
}

const KNOWN_CARRIERS = new Map<string, Carrier>(SCAN_CARRIERS.map((c) => [c.toLowerCase(), c]));

/** One of the carriers the dock reads labels of, in its usual spelling; or null. */
export function knownCarrier(name: string): Carrier | null {
  return KNOWN_CARRIERS.get(name.replace(/\s+/g, "").toLowerCase()) ?? null;
}

export const CARRIER_RULE = `Any carrier: ${SCAN_CARRIERS.join(", ")} are recognized in any case, and their tracking numbers are checked like the dock checks a label; other carriers' numbers are kept as written.`;

/** A carrier's name: a known carrier is spelled the usual way, any other kept as written. */
export const CarrierName = printableText()
  .min(1, "Give the carrier's name.")
  .max(64)
  .transform((name) => knownCarrier(name) ?? name)
  .meta({ description: CARRIER_RULE, examples: ["FedEx"] });

/** A tracking number of a carrier we do not know: what the dock would compare a scan with. */
export function plainTrackingNumber(raw: string): string | null {
  const compact = raw.replace(/[\s.-]/g, "").toUpperCase();
  return /^[A-Z0-9]{4,40}$/.test(compact) ? compact : null;
}

// ---------------------------------------------------------------------------------- ship dates

const US_DATE_TIME =
  /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;
const ISO_LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?$/;

export const SHIP_DATE_RULE =
  "A ship date is an ISO 8601 date or date-time (2026-03-02, 2026-03-02T21:05:00Z), or a date as the Azure examples write it (3/2/2026 9:05:00 PM); without an offset it is read as UTC.";

/** The instant a ship date names, or null when it is not one of the accepted forms or no real date. */
export function parseShipDate(raw: string): Date | null {
  const text = raw.trim();
  const us = US_DATE_TIME.exec(text);
  if (us) {
    const [, month, day, year, hour, minute, second, meridiem] = us;
    let h = hour === undefined ? 0 : Number(hour);
    if (meridiem) {
      if (h < 1 || h > 12) return null;
      h = (h % 12) + (meridiem.toLowerCase() === "pm" ? 12 : 0);
    }
    const parts = [Number(year), Number(month) - 1, Number(day), h, Number(minute ?? 0)] as const;
    const date = new Date(Date.UTC(...parts, Number(second ?? 0)));
    const same =
      date.getUTCFullYear() === parts[0] &&
      date.getUTCMonth() === parts[1] &&
      date.getUTCDate() === parts[2] &&
      date.getUTCHours() === parts[3] &&
      date.getUTCMinutes() === parts[4];
    return same ? date : null;
  }
  const iso =
    z.iso.date().safeParse(text).success ||
    z.iso.datetime({ offset: true }).safeParse(text).success;
  if (iso) return Number.isNaN(Date.parse(text)) ? null : new Date(text);
  if (ISO_LOCAL.test(text)) {
    const date = new Date(`${text}Z`);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}

export const ShipDate = z
  .string()
  .max(40)
  .transform((raw, ctx) => {
    const date = parseShipDate(raw);
    if (date && isSaneDate(date)) return date;
    ctx.addIssue({
      code: "custom",
      message: date ? DATE_RANGE_RULE : SHIP_DATE_RULE,
    });
    return z.NEVER;
  })
  .meta({ description: SHIP_DATE_RULE, examples: ["2026-03-02", "3/2/2026 9:05:00 PM"] });

// ------------------------------------------------------------------------------ drive hashes

const HEX = "[0-9A-Fa-f]{16,128}";
const HEADER_SEGMENT = `\\d{1,15}:\\d{1,15}:${HEX}`;
const HEADER_HASH = new RegExp(`^(?:${HEX}|${HEADER_SEGMENT}(?:;${HEADER_SEGMENT}){0,7})$`);

export const HASH_RULE = "A hash is 16 to 128 hexadecimal digits.";
export const HEADER_HASH_RULE =
  "A drive header hash is 16 to 128 hexadecimal digits, or up to 8 segments `offset:length:hex` separated by `;` as the WAImportExport tool writes them (0:1048576:<hex>;135266304:143360:<hex>). An empty string means none.";

/** An empty string is "no value", as in the spec's examples. */
const emptyIsAbsent = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

export const ManifestHash = z
  .preprocess(
    emptyIsAbsent,
    z
      .string()
      .trim()
      .regex(new RegExp(`^${HEX}$`), HASH_RULE)
      .optional(),
  )
  .optional()
  .meta({ description: `The drive manifest's hash. ${HASH_RULE} An empty string means none.` });

export const DriveHeaderHash = z
  .preprocess(emptyIsAbsent, z.string().trim().regex(HEADER_HASH, HEADER_HASH_RULE).optional())
  .optional()
  .meta({ description: HEADER_HASH_RULE });

// ------------------------------------------------------------------------------------- tags

export const MAX_TAGS = 50;
export const TAGS_RULE = `Tags are up to ${MAX_TAGS} names (1 to 512 characters) each with a text value (up to 256 characters).`;

export const Tags = z
  .record(printableText().min(1, TAGS_RULE).max(512, TAGS_RULE), printableText().max(256))
  .refine((tags) => Object.keys(tags).length <= MAX_TAGS, TAGS_RULE)
  .meta({ description: TAGS_RULE, examples: [{ costCenter: "archive-2026" }] });

// --------------------------------------------------------------------------- encryption key

export const KEK_TYPES = ["MicrosoftManaged", "CustomerManaged"] as const;
const KEK_RULE = `kekType is ${KEK_TYPES.join(" or ")}.`;

export const EncryptionKeyInput = z
  .strictObject({
    kekType: caseInsensitiveEnum(KEK_TYPES, KEK_RULE)
      .optional()
      .meta({ description: `${KEK_RULE} MicrosoftManaged when omitted.` }),
    kekUrl: z
      .url({ protocol: /^https$/, error: "kekUrl is the https URL of the key in your key vault." })
      .max(1024)
      .optional()
      .meta({ description: "Where your key-encryption key is (an https key vault URL)." }),
    kekVaultResourceID: printableText()
      .min(1)
      .max(1024)
      .optional()
      .meta({ description: "The resource id of the key vault holding your key." }),
  })
  .transform((k) => ({ ...k, kekType: k.kekType ?? "MicrosoftManaged" }))
  .superRefine((k, ctx) => {
    if (k.kekType === "CustomerManaged" && (!k.kekUrl || !k.kekVaultResourceID)) {
      ctx.addIssue({
        code: "custom",
        message: "A CustomerManaged key names both kekUrl and kekVaultResourceID.",
        path: ["kekUrl"],
      });
    }
  })
  .meta({
    id: "EncryptionKeyInput",
    description:
      "Where the key that protects your drives' keys is kept. Properties only: no key material is ever sent or returned.",
  });
export type EncryptionKey = z.infer<typeof EncryptionKeyInput>;

export const EncryptionKeyDetails = z
  .object({
    kekType: z.enum(KEK_TYPES),
    kekUrl: z.string().optional(),
    kekVaultResourceID: z.string().optional(),
  })
  .meta({ id: "EncryptionKeyDetails", description: "The encryption key's properties." });

/** The stored properties, as they are returned (only these three fields ever leave). */
export function readEncryptionKey(value: unknown): z.infer<typeof EncryptionKeyDetails> {
  const parsed = EncryptionKeyDetails.safeParse(value);
  if (!parsed.success) return { kekType: "MicrosoftManaged" };
  const { kekType, kekUrl, kekVaultResourceID } = parsed.data;
  return {
    kekType,
    ...(kekUrl ? { kekUrl } : {}),
    ...(kekVaultResourceID ? { kekVaultResourceID } : {}),
  };
}
