import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { PutJobParameters, UpdateJobParameters } from "./job-api.ts";
import { returnAddressSchema } from "./return-address.ts";
import { StationFinish, stationDriveParams, stationQueueRequest } from "./station-api.ts";
import {
  hasControlCharacters,
  hasRefusedCharacters,
  multiLineText,
  passwordText,
  PRINTABLE_ONLY,
  printableText,
} from "./text.ts";

const CONTROL = [...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)), "\u007f"];
const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  (r.error?.issues ?? []).map((i) => i.message);

describe("printableText", () => {
  const name = printableText().min(1).max(20);

  it("trims, and then applies min and max to the trimmed text", () => {
    expect(name.parse("  Redmond  ")).toBe("Redmond");
    expect(messages(name.safeParse("   "))).toHaveLength(1);
    expect(name.safeParse(`  ${"a".repeat(20)}  `).success).toBe(true);
  });

  it("refuses NUL, every other C0 control character and DEL inside the text", () => {
    for (const c of CONTROL) {
      const r = name.safeParse(`Red${c}mond`);
      expect(r.success, JSON.stringify(c)).toBe(false);
      expect(messages(r), JSON.stringify(c)).toEqual([PRINTABLE_ONLY]);
      expect(hasControlCharacters(`Red${c}mond`)).toBe(true);
    }
  });

  it("refuses C1 controls, bidi overrides and isolates, zero-width characters, the BOM, separators, noncharacters and lone surrogates", () => {
    const refused = {
      "C1 control (U+0085)": "\u0085",
      "C1 control (U+009B)": "\u009b",
      LRE: "\u202a",
      "RLO (abc\u202Egpj.exe shows as abcexe.jpg)": "\u202e",
      LRI: "\u2066",
      PDI: "\u2069",
      "zero-width space": "\u200b",
      "zero-width joiner": "\u200d",
      "right-to-left mark": "\u200f",
      "word joiner": "\u2060",
      "BOM inside": "\ufeff",
      "line separator": "\u2028",
      "paragraph separator": "\u2029",
      "noncharacter U+FDD0": "\ufdd0",
      "noncharacter U+FFFE": "\ufffe",
      "noncharacter U+1FFFF": "\u{1ffff}",
      "noncharacter U+10FFFE": "\u{10fffe}",
      "lone high surrogate": "\ud800",
      "lone low surrogate": "\udc00",
      "reversed pair": "\udc00\ud800",
    };
    for (const [what, c] of Object.entries(refused)) {
      for (const schema of [name, multiLineText(), passwordText()]) {
        const r = schema.safeParse(`ab${c}gpj.exe`.slice(0, 20));
        expect(r.success, what).toBe(false);
        expect(messages(r), what).toEqual([PRINTABLE_ONLY]);
      }
      expect(hasRefusedCharacters(`ab${c}cd`, true), what).toBe(true);
    }
  });

  it("multiLineText keeps line breaks and tabs; printableText and passwordText refuse them", () => {
    expect(multiLineText().parse("  first line\r\nsecond\tline\n ")).toBe(
      "first line\r\nsecond\tline",
    );
    for (const c of ["\n", "\r", "\t"]) {
      expect(printableText().safeParse(`a${c}b`).success).toBe(false);
      expect(passwordText().safeParse(`a${c}b`).success).toBe(false);
    }
    expect(multiLineText().safeParse("a\u0000b").success).toBe(false);
    expect(multiLineText().safeParse("a\u000bb").success).toBe(false);
  });

  it("passwordText keeps spaces at both ends (they are part of the password)", () => {
    expect(passwordText().parse(" two words ")).toBe(" two words ");
  });

  it("accepts accents, other scripts, emoji and punctuation", () => {
    for (const text of [
      "Zoë Ødegård",
      "東京都",
      "مرحبا بالعالم",
      "𝒜𝓁𝓅𝒽𝒶 👍🏽",
      "Ça va? 100% — ok!",
      "🚚 Dock 4",
      'O\'Brien & "Sons"',
    ]) {
      expect(name.parse(text)).toBe(text);
      expect(hasControlCharacters(text)).toBe(false);
    }
  });

  it("property: any text with a control character inside is refused; any without is kept trimmed", () => {
    const printable = fc
      .string({ unit: "grapheme", maxLength: 30 })
      .filter((s) => !hasControlCharacters(s));
    fc.assert(
      fc.property(printable, fc.constantFrom(...CONTROL), printable, (a, c, b) => {
        // Leading and trailing controls that are whitespace are trimmed away; inside, they stay.
        expect(printableText().safeParse(`x${a}${c}${b}x`).success).toBe(false);
      }),
    );
    fc.assert(
      fc.property(printable, (s) => {
        expect(printableText().parse(s)).toBe(s.trim());
      }),
    );
  });

  it("publishes the rule as a pattern in JSON Schema (and so in the OpenAPI document)", () => {
    const schema = z.toJSONSchema(printableText(), { io: "input" }) as { pattern?: string };
    expect(schema.pattern).toBeDefined();
    const pattern = new RegExp(schema.pattern!);
    expect(pattern.test("ok")).toBe(true);
    expect(pattern.test("n\u0000o")).toBe(false);
  });
});

describe("the schemas that take free text refuse control characters", () => {
  const address = {
    recipientName: "Ana Bowman",
    streetAddress1: "1 Contoso Way",
    city: "Redmond",
    postalCode: "98052",
    countryOrRegion: "US",
    phone: "+1 425 555 0100",
  };

  it("every field of a return address (R-E4, R-J5)", () => {
    expect(returnAddressSchema.safeParse(address).success).toBe(true);
    const fields = [...Object.keys(address), "streetAddress2", "stateOrProvince"];
    for (const field of fields) {
      const r = returnAddressSchema.safeParse({ ...address, [field]: "Red\u0000mond 1" });
      expect(messages(r), field).toEqual([PRINTABLE_ONLY]);
    }
  });

  it("Put Job and Update Job Properties: storage account, manifest file, carrier account, blob paths, address", () => {
    const put = (more: Record<string, unknown>, drive: Record<string, unknown> = {}) =>
      PutJobParameters.safeParse({
        properties: {
          jobType: "Import",
          storageAccountId: "store1",
          driveList: [{ driveId: "WDZX000001", ...drive }],
          ...more,
        },
      });
    expect(put({}).success).toBe(true);
    expect(messages(put({ storageAccountId: "store\u0000x" }))).toEqual([PRINTABLE_ONLY]);
    expect(messages(put({}, { manifestFile: "\\Drive\u0000Manifest.xml" }))).toEqual([
      PRINTABLE_ONLY,
    ]);
    expect(
      messages(put({ returnShipping: { carrierName: "UPS", carrierAccountNumber: "12\u00003" } })),
    ).toEqual([PRINTABLE_ONLY]);
    expect(messages(put({ returnAddress: { ...address, city: "Red\u0000mond" } }))).toEqual([
      PRINTABLE_ONLY,
    ]);
    const exportJob = PutJobParameters.safeParse({
      properties: {
        jobType: "Export",
        storageAccountId: "store1",
        export: { blobList: { blobPath: ["/backups/a\u0000b"] } },
      },
    });
    expect(messages(exportJob)).toEqual([PRINTABLE_ONLY]);
    const update = UpdateJobParameters.safeParse({
      properties: { returnAddress: { ...address, phone: "+1 425\u0007 555 0100" } },
    });
    expect(messages(update)).toEqual([PRINTABLE_ONLY]);
  });

  it("the copy-station API: the queue's jobName and the drive id in the path", () => {
    const query = (jobName: string) =>
      stationQueueRequest.safeParse({ query: { jobName }, body: undefined });
    expect(query("contoso-1").success).toBe(true);
    expect(messages(query("a\u0000b"))).toEqual([PRINTABLE_ONLY]);
    expect(messages(stationDriveParams.safeParse({ id: "a\u0000b" }))).toEqual([PRINTABLE_ONLY]);
  });
});

describe("R-G4: a copy station's log URIs", () => {
  const finish = (errorLogUri: string) =>
    StationFinish.safeParse({ errorCount: 1, warningCount: 0, errorLogUri });

  it("are https URLs, stored normalized", () => {
    const r = finish("https://Logs.Example/copy/../drive-1/error.log?sv=2024&sig=a%2Fb");
    expect(r.success && r.data.errorLogUri).toBe(
      "https://logs.example/drive-1/error.log?sv=2024&sig=a%2Fb",
    );
  });

  it("refuse other schemes, control characters, quotes, angle brackets, spaces and backslashes", () => {
    for (const uri of [
      "http://logs.example/e.log",
      "javascript:alert(1)",
      "data:text/html,x",
      "https://logs.example/a\u0000b",
      "https://logs.example/a\nb",
      'https://logs.example/a"><script>alert(2)</script>',
      "https://logs.example/a'b",
      "https://logs.example/a`b",
      "https://logs.example/a<b",
      "https://logs.example/a b",
      "https://logs.example\\e.log",
      "not a url",
      `https://logs.example/${"a".repeat(2048)}`,
    ]) {
      expect(finish(uri).success, uri).toBe(false);
    }
  });
});
