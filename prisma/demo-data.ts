/**
 * Realistic values for demo data: drive serials as the vendors print them, carrier tracking numbers
 * with valid check digits, customers and return addresses. Deterministic (a seeded generator), so
 * every demo shows the same data and the e2e tests can name what they look for.
 */

import { seededRandom, type Random } from "../lib/random.ts";

export { seededRandom, type Random };

const DIGITS = "0123456789";
const UPPER_ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

/** A drive serial in one of the formats the big vendors print on their labels. */
export function driveSerial(r: Random): string {
  switch (r.int(0, 4)) {
    case 0: // Western Digital
      return `WD-WCC${r.chars("4567", 1)}${r.chars("ABCDEFHKLMN", 1)}${r.chars(UPPER_ALNUM, 7)}`;
    case 1: // Seagate
      return `Z${r.chars("ACLN", 1)}${r.chars(UPPER_ALNUM, 6)}`;
    case 2: // Toshiba
      return `${r.chars(DIGITS, 2)}${r.chars("ABCDEFGH", 1)}${r.chars(UPPER_ALNUM, 5)}FS${r.chars(UPPER_ALNUM, 2)}`;
    case 3: // HGST / WD Ultrastar
      return `${r.chars(DIGITS, 1)}${r.chars("EJKP", 1)}${r.chars("GHJ", 1)}${r.chars(UPPER_ALNUM, 5)}`;
    default: // Samsung SSD
      return `S${r.chars(DIGITS, 1)}${r.chars("EZ", 1)}${r.chars(DIGITS, 1)}NB0${r.chars(UPPER_ALNUM, 1)}${r.chars(DIGITS, 6)}${r.chars("ABCDEFGHJKLMNPRSTVWXYZ", 1)}`;
  }
}

/** UPS 1Z: 6-character shipper number, 2-digit service code, 7-digit package number, check digit. */
export function upsTrackingNumber(r: Random): string {
  const body = `${r.chars(UPPER_ALNUM, 6)}${r.pick(["01", "02", "03", "12", "13", "42"])}${r.chars(DIGITS, 7)}`;
  let sum = 0;
  [...body].forEach((c, i) => {
    const v = /\d/.test(c) ? Number(c) : (c.charCodeAt(0) - 63) % 10;
    sum += i % 2 === 1 ? v * 2 : v;
  });
  return `1Z${body}${(10 - (sum % 10)) % 10}`;
}

/** FedEx Express 12 digits: weights 1, 3, 7 from the right, sum mod 11, mod 10. */
export function fedexTrackingNumber(r: Random): string {
  const body = r.chars(DIGITS, 11);
  const weights = [1, 3, 7];
  let sum = 0;
  [...body].reverse().forEach((c, i) => (sum += Number(c) * (weights[i % 3] as number)));
  return `${body}${(sum % 11) % 10}`;
}

/** DHL Express 10 digits: the check digit is the first nine digits mod 7. */
export function dhlTrackingNumber(r: Random): string {
  const body = `${r.int(1, 9)}${r.chars(DIGITS, 8)}`;
  return `${body}${Number(body) % 7}`;
}

export const CARRIERS = ["UPS", "FedEx", "DHL"] as const;
export function trackingNumber(r: Random, carrier: (typeof CARRIERS)[number]): string {
  if (carrier === "UPS") return upsTrackingNumber(r);
  if (carrier === "FedEx") return fedexTrackingNumber(r);
  return dhlTrackingNumber(r);
}

export const CUSTOMERS = [
  {
    name: "Contoso Ltd",
    contactName: "Ana Bowman",
    contactEmail: "storage-ops@contoso.example",
    contactPhone: "+1 425 555 0100",
    city: "Redmond",
    country: "US",
    postalCode: "98052",
    street: "1 Contoso Way",
    stateOrProvince: "WA",
  },
  {
    name: "Fabrikam Inc",
    contactName: "Marc Lefèvre",
    contactEmail: "it@fabrikam.example",
    contactPhone: "+33 1 70 55 01 20",
    city: "Paris",
    country: "FR",
    postalCode: "75008",
    street: "12 rue de Fabrikam",
    stateOrProvince: undefined,
  },
  {
    name: "Northwind Traders",
    contactName: "Priya Raman",
    contactEmail: "data@northwind.example",
    contactPhone: "+44 20 7946 0321",
    city: "London",
    country: "GB",
    postalCode: "EC1A 1BB",
    street: "200 Aldersgate",
    stateOrProvince: undefined,
  },
  {
    name: "Tailspin Toys",
    contactName: "Jonas Berg",
    contactEmail: "archive@tailspin.example",
    contactPhone: "+46 8 555 012 34",
    city: "Stockholm",
    country: "SE",
    postalCode: "111 52",
    street: "Drottninggatan 33",
    stateOrProvince: undefined,
  },
  {
    name: "Wide World Importers",
    contactName: "Keiko Tanaka",
    contactEmail: "ops@wideworld.example",
    contactPhone: "+81 3 5550 0142",
    city: "Tokyo",
    country: "JP",
    postalCode: "100-0005",
    street: "1-1 Marunouchi",
    stateOrProvince: "Tokyo",
  },
  {
    name: "Adventure Works",
    contactName: "Luis Ortega",
    contactEmail: "backup@adventure-works.example",
    contactPhone: "+1 206 555 0199",
    city: "Seattle",
    country: "US",
    postalCode: "98101",
    street: "400 Pine St",
    stateOrProvince: "WA",
  },
  {
    name: "Litware Media",
    contactName: "Hannah Weiss",
    contactEmail: "media@litware.example",
    contactPhone: "+49 30 5557 0123",
    city: "Berlin",
    country: "DE",
    postalCode: "10117",
    street: "Friedrichstraße 50",
    stateOrProvince: undefined,
  },
  {
    name: "Proseware Labs",
    contactName: "Tomás Silva",
    contactEmail: "lab-data@proseware.example",
    contactPhone: "+351 21 555 0134",
    city: "Lisbon",
    country: "PT",
    postalCode: "1100-148",
    street: "Rua Augusta 100",
    stateOrProvince: undefined,
  },
] as const;

export type DemoCustomer = (typeof CUSTOMERS)[number];

export function returnAddressOf(c: DemoCustomer) {
  return {
    recipientName: c.contactName,
    streetAddress1: c.street,
    city: c.city,
    ...(c.stateOrProvince ? { stateOrProvince: c.stateOrProvince } : {}),
    postalCode: c.postalCode,
    countryOrRegion: c.country,
    phone: c.contactPhone,
    email: c.contactEmail,
  };
}

const JOB_WORDS = [
  "backup",
  "archive",
  "media",
  "research",
  "logs",
  "genomics",
  "video",
  "ledger",
  "telemetry",
  "scans",
];
export function jobName(r: Random, customer: DemoCustomer, index: number): string {
  const slug = customer.name.split(" ")[0]!.toLowerCase();
  return `${slug}-${r.pick(JOB_WORDS)}-${String(2026_0000 + index * 7 + r.int(0, 6)).slice(-6)}`;
}

export const DEMO_USERS = [
  {
    email: "operator@dockside.test",
    name: "Ana Ruiz",
    role: "operator",
    password: "dock-operator-1",
  },
  {
    email: "operator2@dockside.test",
    name: "Ben Okafor",
    role: "operator",
    password: "dock-operator-2",
  },
  {
    email: "supervisor@dockside.test",
    name: "Sam Keller",
    role: "supervisor",
    password: "dock-supervisor",
  },
  { email: "admin@dockside.test", name: "Alex Morgan", role: "admin", password: "dock-admin-demo" },
] as const;

/**
 * Demo API keys with fixed values, so a newcomer can run the copy-station simulator and call the
 * Job API as soon as `npm run demo` is up. They are in this public file: the seed adds them to
 * demo databases only; never seed a production database (revoke them if you did).
 * Format: `dsk_<10 characters a-z0-9>_<43 characters base64url>` (lib/server/api-keys/secret.ts).
 */
export const DEMO_STATION_KEY = "dsk_demostatn1_DocksideDemoCopyStationKey_NotForProduction";
export const DEMO_CUSTOMER_KEY = "dsk_democustk1_DocksideDemoContosoCustomerKey_NotForProd01";

export const DEMO_API_KEYS = [
  { kind: "station", name: "Demo copy station", key: DEMO_STATION_KEY, customer: null },
  {
    kind: "customer",
    name: "Contoso demo key",
    key: DEMO_CUSTOMER_KEY,
    customer: CUSTOMERS[0].name,
  },
] as const;

/**
 * The job the copy-station journey (e2e/copy-station.spec.ts) runs the simulator on: an import job
 * whose drives are all Received, last in the plan and last by name, with serials that sort after
 * every other seeded drive, so no other journey picks it or its drives.
 */
export const COPY_STATION_JOURNEY_JOB = {
  name: "wide-world-copy-journey",
  serials: ["ZNZZJ001", "ZNZZJ002", "ZNZZJ003"],
} as const;

/**
 * The next instant of a seeded history: `from + advance`, or half-way to `now` when that would not
 * be before it. A demo job's history never reaches the moment it was seeded, and stays in order.
 */
export function demoStep(from: number, advance: number, now: Date): number {
  const next = from + advance;
  const ceiling = now.getTime() - 1;
  return next < ceiling ? next : from + Math.max(0, Math.floor((ceiling - from) / 2));
}
