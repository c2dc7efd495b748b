import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  CarrierName,
  caseInsensitiveEnum,
  DriveHeaderHash,
  EncryptionKeyInput,
  parseShipDate,
  plainTrackingNumber,
  readEncryptionKey,
  Tags,
} from "./azure-fields.ts";
import { ArmQuery, ResourceGroupName, SubscriptionId } from "./arm.ts";
import {
  DeliveryPackageInput,
  ExportInput,
  ListJobsQuery,
  UpdateJobParameters,
} from "./job-api.ts";
import { SiteInput, siteCode } from "./sites.ts";

describe("ship dates, as ISO 8601 or as the Azure examples write them", () => {
  it.each([
    ["8/11/2017 9:05:00 PM", "2017-08-11T21:05:00.000Z"],
    ["9/29/2017 10:28:35 PM", "2017-09-29T22:28:35.000Z"],
    ["12/1/2026 12:00:00 AM", "2026-12-01T00:00:00.000Z"],
    ["12/1/2026 12:30 PM", "2026-12-01T12:30:00.000Z"],
    ["3/2/2026", "2026-03-02T00:00:00.000Z"],
    ["2026-03-02", "2026-03-02T00:00:00.000Z"],
    ["2026-03-02T21:05:00Z", "2026-03-02T21:05:00.000Z"],
    ["2026-03-02T21:05:00+02:00", "2026-03-02T19:05:00.000Z"],
    ["2026-03-02T21:05:00", "2026-03-02T21:05:00.000Z"],
  ])("%s is %s", (raw, iso) => {
    expect(parseShipDate(raw)?.toISOString()).toBe(iso);
  });

  it.each(["2/30/2026", "13/1/2026", "8/11/2017 13:05:00 PM", "yesterday", "2026-02-30", ""])(
    "%s is refused",
    (raw) => expect(parseShipDate(raw)).toBeNull(),
  );

  it("every US-form date of a real day reads back as that day (property)", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }),
        (d) => {
          const raw = `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`;
          const parsed = parseShipDate(raw)!;
          expect(parsed.toISOString().slice(0, 10)).toBe(d.toISOString().slice(0, 10));
        },
      ),
    );
  });
});

describe("carriers", () => {
  it("spells a known carrier the usual way and keeps any other as written", () => {
    expect(CarrierName.parse("fedex")).toBe("FedEx");
    expect(CarrierName.parse("U P S")).toBe("UPS");
    expect(CarrierName.parse("Contoso Couriers")).toBe("Contoso Couriers");
    expect(CarrierName.safeParse("").success).toBe(false);
  });

  it("checks a known carrier's tracking number, and keeps another's without separators", () => {
    expect(
      DeliveryPackageInput.safeParse({ carrierName: "UPS", trackingNumber: "1Z999AA10123456785" })
        .success,
    ).toBe(false);
    expect(
      DeliveryPackageInput.parse({ carrierName: "ups", trackingNumber: "1Z 999 AA1 0123456784" }),
    ).toMatchObject({
      carrierName: "UPS",
      trackingNumber: "1Z999AA10123456784",
    });
    expect(
      DeliveryPackageInput.parse({
        carrierName: "Contoso Couriers",
        trackingNumber: "cc-4821.7730",
      }),
    ).toMatchObject({
      carrierName: "Contoso Couriers",
      trackingNumber: "CC48217730",
    });
    expect(plainTrackingNumber("ab")).toBeNull();
    expect(plainTrackingNumber("x".repeat(41))).toBeNull();
  });
});

describe("drive header hashes", () => {
  const hex =
    "FB6B6ED500D49DA6E0D723C98D42C657F2881CC13357C28DCECA6A524F1292501571A321238540E621AB5BD9C9A32637615919A75593E6CB5C1515DAE341CABF";
  it("takes the WAImportExport form, plain hex, or an empty string as none", () => {
    expect(DriveHeaderHash.parse(`0:1048576:${hex};135266304:143360:${hex}`)).toContain(";");
    expect(DriveHeaderHash.parse("A1B2C3D4E5F60718")).toBe("A1B2C3D4E5F60718");
    expect(DriveHeaderHash.parse("")).toBeUndefined();
    expect(DriveHeaderHash.parse(undefined)).toBeUndefined();
  });
  it.each(["0:1048576", `0:x:${hex}`, `0:1:${hex};`, "xyz", `0:1:${hex}`.repeat(9)])(
    "refuses %s",
    (raw) => expect(DriveHeaderHash.safeParse(raw).success).toBe(false),
  );
});

describe("tags, enums, the encryption key and the api-version", () => {
  it("tags are strings, at most 50", () => {
    expect(Tags.parse({ a: "1" })).toEqual({ a: "1" });
    expect(Tags.safeParse({ a: 1 }).success).toBe(false);
    expect(
      Tags.safeParse(Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, "v"])))
        .success,
    ).toBe(false);
    expect(Tags.safeParse({ "bad\u0000": "v" }).success).toBe(false);
  });

  it("enums are read in any case and answered in their own", () => {
    const type = caseInsensitiveEnum(["Import", "Export"], "jobType is Import or Export.");
    expect(type.parse("EXPORT")).toBe("Export");
    expect(type.safeParse("Move").error?.issues[0]?.message).toBe("jobType is Import or Export.");
  });

  it("the encryption key has properties only, MicrosoftManaged by default; customer-managed names its vault", () => {
    expect(EncryptionKeyInput.parse({})).toEqual({ kekType: "MicrosoftManaged" });
    expect(EncryptionKeyInput.safeParse({ kekType: "CustomerManaged" }).success).toBe(false);
    expect(
      EncryptionKeyInput.safeParse({ kekType: "MicrosoftManaged", key: "secret" }).success,
    ).toBe(false);
    expect(
      EncryptionKeyInput.parse({
        kekType: "customermanaged",
        kekUrl: "https://vault.example/keys/k1",
        kekVaultResourceID: "/subscriptions/x/vaults/v",
      }).kekType,
    ).toBe("CustomerManaged");
    expect(readEncryptionKey({ kekType: "MicrosoftManaged", other: "x" })).toEqual({
      kekType: "MicrosoftManaged",
    });
    expect(readEncryptionKey(null)).toEqual({ kekType: "MicrosoftManaged" });
  });

  it("the ARM paths speak 2021-01-01 only, with ARM's subscription and resource group names", () => {
    expect(ArmQuery.safeParse({ "api-version": "2021-01-01" }).success).toBe(true);
    expect(ArmQuery.safeParse({ "api-version": "2016-11-01" }).success).toBe(false);
    expect(ArmQuery.safeParse({}).success).toBe(false);
    expect(SubscriptionId.safeParse("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx").success).toBe(true);
    expect(SubscriptionId.safeParse("a/b").success).toBe(false);
    expect(ResourceGroupName.safeParse("my_Group(1).x").success).toBe(true);
    expect(ResourceGroupName.safeParse("ends.").success).toBe(false);
    expect(ResourceGroupName.safeParse("x".repeat(91)).success).toBe(false);
  });
});

describe("the spec's request forms", () => {
  it("export: / alone, or a list blob", () => {
    expect(ExportInput.safeParse({ blobList: { blobPathPrefix: ["/"] } }).success).toBe(true);
    expect(ExportInput.safeParse({ blobListBlobPath: "/exportlist/blobs.xml" }).success).toBe(true);
    expect(ExportInput.safeParse({ blobListBlobPath: "$root/list.xml" }).success).toBe(true);
    expect(ExportInput.safeParse({}).success).toBe(false);
    expect(ExportInput.safeParse({ blobListBlobPath: "nolist" }).success).toBe(false);
  });

  it('update: state "" is no change; tags alone are a change; nothing at all is refused', () => {
    expect(UpdateJobParameters.parse({ properties: { state: "", logLevel: "verbose" } })).toEqual({
      properties: { state: undefined, logLevel: "Verbose" },
    });
    expect(UpdateJobParameters.safeParse({ tags: { a: "b" } }).success).toBe(true);
    expect(UpdateJobParameters.safeParse({ properties: { state: "" } }).success).toBe(false);
    expect(UpdateJobParameters.safeParse({ properties: { state: "Received" } }).success).toBe(
      false,
    );
  });

  it("$filter: state eq or properties/state eq, any case", () => {
    expect(ListJobsQuery.parse({ $filter: "properties/state eq 'Shipping'" }).$filter).toBe(
      "Shipping",
    );
    expect(ListJobsQuery.parse({ $filter: "state eq 'creating'" }).$filter).toBe("Creating");
    expect(ListJobsQuery.safeParse({ $filter: "properties/jobType eq 'Import'" }).success).toBe(
      false,
    );
  });

  it("a site's code is its name in lowercase letters and digits", () => {
    expect(siteCode("West US 2")).toBe("westus2");
    const site = SiteInput.parse({
      name: "West US",
      recipientName: "R",
      streetAddress1: "1 Road",
      city: "C",
      stateOrProvince: "S",
      postalCode: "1",
      countryOrRegion: "US",
      supportedCarriers: "fedex, FedEx, Contoso Couriers",
    });
    expect(site).toMatchObject({
      code: "westus",
      supportedCarriers: ["FedEx", "Contoso Couriers"],
    });
    expect(SiteInput.safeParse({ ...site, name: "-", supportedCarriers: "x" }).success).toBe(false);
  });
});
