/**
 * The bad-input suite: generated malformed requests (fast-check) against the Job API, the
 * copy-station API, the dock API and every server action, called directly as a forged request
 * would reach them, by a caller who is allowed to use them. Each request starts from a valid one
 * and breaks one field in a way no schema may accept: a refused character inside the text (NUL,
 * C0/C1 controls, bidi overrides and isolates, zero-width characters, BOM, noncharacters, lone
 * surrogates), a text far over any limit, the wrong JSON type, a file instead of a form field, a
 * date in year 0001 or 9999; plus bodies that are not JSON, not an object, or over 1 MB.
 * It asserts: no 5xx (and nothing thrown), nothing accepted, and nothing changed in the database.
 */
import { createHash } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionState } from "@/lib/action-state.ts";
import type { DriveState, JobState } from "@/lib/generated/prisma/enums.ts";
import { issueApiKey } from "@/lib/server/api-keys/commands.ts";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { ok, openTestSession, testIdentity } from "@/test/fixtures.ts";

const identity = vi.hoisted(() => ({
  current: null as { userId: string; sessionId: string; issuedAt: Date } | null,
}));
vi.mock("@/lib/server/auth/session.ts", () => ({ sessionIdentity: async () => identity.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

/** Runs per target; with ~30 targets this is well over the 1,000 requests the suite promises. */
const RUNS = 40;
const SEED = 20261202;

let t: TestDatabase;
let n = 0;
const users = { operator: "", supervisor: "", admin: "" };
const keys = { customer: "", station: "" };
type Role = keyof typeof users;

// ------------------------------------------------------------------------------ malformed values

/** Characters the one text validator refuses in every field (lib/validation/text.ts). */
const REFUSED = [
  "\u0000",
  "\u0007",
  "\u001b",
  "\u007f",
  "\u0085",
  "\u009b",
  "\u202a",
  "\u202e",
  "\u2066",
  "\u2069",
  "\u200b",
  "\u200d",
  "\u2060",
  "\ufeff",
  "\u2028",
  "\ufdd0",
  "\uffff",
  "\u{1fffe}",
  "\u{10ffff}",
  "\ud800",
  "\udfff",
];

/**
 * A form field or a query string is a USVString: the browser (FormData, URL) turns a lone
 * surrogate into U+FFFD before anything is sent, so they are tested with every other refused
 * character.
 */
const IN_FORMS = REFUSED.filter((c) => !/^[\ud800-\udfff]$/.test(c));

const injected = (valid: string, refused = REFUSED) =>
  fc
    .tuple(fc.constantFrom(...refused), fc.nat({ max: Math.max(0, valid.length - 2) }))
    // Inside the text (never at its very ends, where trimming would be a fair answer).
    .map(([c, i]) => `${valid.slice(0, i + 1)}${c}${valid.slice(i + 1)}`);
const overLong = fc.integer({ min: 5_000, max: 20_000 }).map((len) => "a".repeat(len));
const absurdDate = fc.constantFrom("0001-01-01", "9999-12-31", "0000-00-00", "2026-13-45");

/** A malformed replacement for one text value of a valid request. */
const badText = (valid: string, isDate = false, refused = REFUSED) =>
  fc.oneof(
    injected(valid.length >= 2 ? valid : `${valid}xx`, refused),
    overLong,
    ...(isDate ? [absurdDate] : []),
  );

/** A malformed replacement for one JSON value: broken text, or the wrong type. */
const badJson = (valid: unknown): fc.Arbitrary<unknown> => {
  const wrongTypes: unknown[] = [[], { nested: true }, null];
  if (typeof valid === "string") {
    return fc.oneof(
      badText(valid, /^\d{4}-\d{2}-\d{2}/.test(valid)),
      fc.constantFrom(12345, true, ...wrongTypes),
    );
  }
  if (typeof valid === "number") return fc.constantFrom("12", true, ...wrongTypes);
  if (typeof valid === "boolean") return fc.constantFrom("yes", 1, ...wrongTypes);
  return fc.constantFrom("text", 12345, true, null);
};

/** Paths to every leaf of a JSON value (arrays and objects walked). */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  }
  return [path];
}
const getAt = (value: unknown, path: (string | number)[]): unknown =>
  path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value);
function setAt(value: unknown, path: (string | number)[], leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head] = setAt(copy[head], rest, leaf);
  return copy;
}

// ---------------------------------------------------------------------------------------- targets

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;
type Handler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

type ActionTarget = { kind: "action"; as: Role; form: () => Record<string, string> };
type RouteTarget = {
  kind: "route";
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** A session of this role, or the API key of this kind. */
  as: Role | "customer" | "station";
  params?: () => Record<string, string>;
  query?: () => Record<string, string>;
  body?: () => unknown;
};
type Target = (ActionTarget | RouteTarget) & { file: string; name: string };

const f = {} as Record<string, string>;
const address = {
  recipientName: "Ana Bowman",
  streetAddress1: "1 Contoso Way",
  city: "Redmond",
  postalCode: "98052",
  countryOrRegion: "US",
  phone: "+1 425 555 0100",
};

const TARGETS: Target[] = [
  // server actions
  ...(
    [
      [
        "admin/users/actions.ts",
        "createUserAction",
        "admin",
        () => ({
          email: "new@bad.test",
          name: "New Person",
          role: "operator",
          password: "a-long-enough-password",
        }),
      ],
      [
        "admin/users/actions.ts",
        "changeRoleAction",
        "admin",
        () => ({ userId: f.targetUser!, role: "supervisor" }),
      ],
      [
        "admin/users/actions.ts",
        "setDisabledAction",
        "admin",
        () => ({ userId: f.targetUser!, disabled: "true" }),
      ],
      [
        "admin/users/actions.ts",
        "resetPasswordAction",
        "admin",
        () => ({ userId: f.targetUser!, password: "another-long-password" }),
      ],
      [
        "admin/api-keys/actions.ts",
        "issueApiKeyAction",
        "admin",
        () => ({ kind: "customer", name: "Backup tool", customerId: f.customer! }),
      ],
      [
        "admin/api-keys/actions.ts",
        "revokeApiKeyAction",
        "admin",
        () => ({ apiKeyId: f.spareKey! }),
      ],
      [
        "admin/api-keys/actions.ts",
        "createCustomerAction",
        "admin",
        () => ({
          name: "Fabrikam",
          contactName: "Pat Doe",
          contactEmail: "pat@fabrikam.test",
          contactPhone: "+1 425 555 0199",
        }),
      ],
      [
        "faults/actions.ts",
        "faultJobAction",
        "supervisor",
        () => ({ jobId: f.shipping!, reason: "driveNotReceived", note: "No package at the dock." }),
      ],
      [
        "faults/actions.ts",
        "faultDriveAction",
        "supervisor",
        () => ({
          driveId: f.received!,
          reason: "diskCorrupted",
          note: "Clicks and does not mount.",
        }),
      ],
      [
        "faults/actions.ts",
        "resolveJobFaultAction",
        "supervisor",
        () => ({ jobId: f.faultedJob!, to: "Creating", note: "Customer fixed the order." }),
      ],
      [
        "faults/actions.ts",
        "resolveDriveFaultAction",
        "supervisor",
        () => ({ driveId: f.faultedDrive!, to: "Received", note: "Reseated; it mounts." }),
      ],
      [
        "faults/actions.ts",
        "recordContactAction",
        "supervisor",
        () => ({
          jobId: f.shipping!,
          driveId: f.received!,
          channel: "phone",
          outcome: "Left a voicemail.",
        }),
      ],
      [
        "incidents/actions.ts",
        "recordOutcomeAction",
        "supervisor",
        () => ({
          incidentId: f.incident!,
          outcome: "extended",
          note: "Customer asked to wait.",
          extendUntil: "2027-01-15",
        }),
      ],
      [
        "incidents/actions.ts",
        "recordOutcomeAction",
        "supervisor",
        () => ({
          incidentId: f.incident!,
          outcome: "drivesDestroyed",
          note: "Unreachable for 90 days.",
          method: "Shredded",
          serials: "WD-BAD000001",
        }),
      ],
      [
        "incidents/actions.ts",
        "recordOutcomeAction",
        "supervisor",
        () => ({
          incidentId: f.incident!,
          outcome: "addressCorrected",
          note: "New address by phone.",
          channel: "phone",
          ...address,
        }),
      ],
      [
        "incidents/actions.ts",
        "openReturnedDrivesIncidentAction",
        "supervisor",
        () => ({ jobId: f.exportCompleted!, summary: "The carrier lost the return package." }),
      ],
      [
        "incidents/actions.ts",
        "openReturnAddressIncidentAction",
        "supervisor",
        () => ({ jobId: f.packaging!, summary: "The carrier rejected the address." }),
      ],
      ["jobs/[id]/actions.ts", "revealKeyAction", "supervisor", () => ({ driveId: f.received! })],
      [
        "jobs/[id]/actions.ts",
        "cancelJobAction",
        "supervisor",
        () => ({ jobId: f.shipping!, reason: "The customer withdrew the order." }),
      ],
      [
        "jobs/[id]/status-link-actions.ts",
        "createStatusLinkAction",
        "supervisor",
        () => ({ jobId: f.shipping! }),
      ],
      [
        "jobs/[id]/status-link-actions.ts",
        "rotateStatusLinkAction",
        "supervisor",
        () => ({ jobId: f.linked! }),
      ],
      [
        "jobs/[id]/status-link-actions.ts",
        "revokeStatusLinkAction",
        "supervisor",
        () => ({ jobId: f.linked! }),
      ],
    ] as const
  ).map(([file, name, as, form]) => ({
    kind: "action" as const,
    file: `app/(console)/${file}`,
    name,
    as,
    form: form as () => Record<string, string>,
  })),
  // the dock API
  {
    kind: "route",
    file: "app/api/dock/packages/route.ts",
    name: "POST",
    method: "POST",
    as: "operator",
    body: () => ({ code: "3000000011", direction: "Inbound" }),
  },
  {
    kind: "route",
    file: "app/api/dock/packages/[id]/route.ts",
    name: "GET",
    method: "GET",
    as: "operator",
    params: () => ({ id: f.package! }),
  },
  {
    kind: "route",
    file: "app/api/dock/packages/[id]/close/route.ts",
    name: "POST",
    method: "POST",
    as: "operator",
    params: () => ({ id: f.package! }),
    body: () => ({}),
  },
  {
    kind: "route",
    file: "app/api/dock/scans/route.ts",
    name: "POST",
    method: "POST",
    as: "supervisor",
    body: () => ({
      packageId: f.package!,
      code: "WD-WCC4N000777",
      scanId: "6f1d2a4e-8b9c-4d3e-9f00-123456789abc",
      supervisorOverride: true,
    }),
  },
  {
    kind: "route",
    file: "app/api/dock/scans/undo/route.ts",
    name: "POST",
    method: "POST",
    as: "operator",
    body: () => ({ packageId: f.package! }),
  },
  // the Job API
  {
    kind: "route",
    file: "app/api/v1/jobs/route.ts",
    name: "GET",
    method: "GET",
    as: "customer",
    query: () => ({ $top: "5", $filter: "state eq 'Shipping'" }),
  },
  {
    kind: "route",
    file: "app/api/v1/jobs/[jobName]/route.ts",
    name: "GET",
    method: "GET",
    as: "customer",
    params: () => ({ jobName: f.creatingName! }),
  },
  {
    kind: "route",
    file: "app/api/v1/jobs/[jobName]/route.ts",
    name: "PUT",
    method: "PUT",
    as: "customer",
    params: () => ({ jobName: "bad-input-put" }),
    body: () => ({
      properties: {
        jobType: "Import",
        storageAccountId: "badinputstore",
        driveList: [
          {
            driveId: "WD-BADPUT0001",
            manifestFile: "\\DriveManifest.xml",
            manifestHash: "0123456789ABCDEF0123",
          },
        ],
        returnAddress: address,
        returnShipping: { carrierName: "UPS", carrierAccountNumber: "12345" },
        deliveryPackage: {
          carrierName: "UPS",
          trackingNumber: "1Z999AA10123456784",
          driveCount: 1,
          shipDate: "2026-11-30",
        },
      },
    }),
  },
  {
    kind: "route",
    file: "app/api/v1/jobs/[jobName]/route.ts",
    name: "PATCH",
    method: "PATCH",
    as: "customer",
    params: () => ({ jobName: f.creatingName! }),
    body: () => ({
      properties: {
        logLevel: "Verbose",
        returnAddress: address,
        deliveryPackage: {
          carrierName: "UPS",
          trackingNumber: "1Z999AA10123456784",
          shipDate: "2026-11-30T10:00:00Z",
        },
      },
    }),
  },
  {
    kind: "route",
    file: "app/api/v1/jobs/[jobName]/route.ts",
    name: "DELETE",
    method: "DELETE",
    as: "customer",
    params: () => ({ jobName: f.creatingName! }),
  },
  // the copy-station API
  {
    kind: "route",
    file: "app/api/v1/stations/drives/route.ts",
    name: "GET",
    method: "GET",
    as: "station",
    query: () => ({ $top: "5", state: "Transferring", jobName: "bad-input-1" }),
  },
  {
    kind: "route",
    file: "app/api/v1/stations/drives/[id]/start/route.ts",
    name: "POST",
    method: "POST",
    as: "station",
    params: () => ({ id: f.received! }),
  },
  {
    kind: "route",
    file: "app/api/v1/stations/drives/[id]/progress/route.ts",
    name: "POST",
    method: "POST",
    as: "station",
    params: () => ({ id: f.transferring! }),
    body: () => ({ percentComplete: 40, bytesTransferred: 1_000_000_000 }),
  },
  {
    kind: "route",
    file: "app/api/v1/stations/drives/[id]/finish/route.ts",
    name: "POST",
    method: "POST",
    as: "station",
    params: () => ({ id: f.transferring! }),
    body: () => ({
      errorCount: 1,
      warningCount: 0,
      errorLogUri: "https://logs.example/drive/error.log",
    }),
  },
];

// ------------------------------------------------------------------------------- one bad request

type Outcome = { status: number; detail: string };

async function callAction(target: Target & ActionTarget, form: Record<string, string | Blob>) {
  const mod = (await import(`@/${target.file}`)) as Record<string, Action>;
  const data = new FormData();
  for (const [k, v] of Object.entries(form)) data.append(k, v);
  identity.current = testIdentity(users[target.as]);
  const state = await mod[target.name]!(null, data);
  // An action answers in its state: refused input is `ok: false` (a 4xx in HTTP terms).
  return { status: state?.ok ? 200 : 400, detail: JSON.stringify(state) };
}

type RawRequest = {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: string;
  contentType?: string;
};

async function callRoute(target: Target & RouteTarget, req: RawRequest): Promise<Outcome> {
  const mod = (await import(`@/${target.file}`)) as Record<string, Handler>;
  const url = new URL("http://localhost:3500/api/bad-input");
  for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = { host: "localhost:3500" };
  if (target.as === "customer" || target.as === "station") {
    headers.authorization = `Bearer ${keys[target.as]}`;
    identity.current = null;
  } else identity.current = testIdentity(users[target.as]);
  if (req.body !== undefined) headers["content-type"] = req.contentType ?? "application/json";
  const response = await mod[target.name]!(
    new Request(url, { method: target.method, headers, body: req.body }),
    { params: Promise.resolve(req.params ?? {}) },
  );
  return { status: response.status, detail: await response.text() };
}

/** Malformed variants of a route's valid request: one broken leaf, or a broken body as a whole. */
function badRouteRequests(target: RouteTarget): fc.Arbitrary<RawRequest> {
  const params = target.params?.() ?? {};
  const query = target.query?.() ?? {};
  const body = target.body?.();
  const encode = (b: unknown) => JSON.stringify(b);
  const variants: fc.Arbitrary<RawRequest>[] = [];
  for (const key of Object.keys(params)) {
    variants.push(
      badText(params[key]!).map((v) => ({
        params: { ...params, [key]: v },
        query,
        body: body === undefined ? undefined : encode(body),
      })),
    );
  }
  for (const key of Object.keys(query)) {
    variants.push(
      badText(query[key]!, false, IN_FORMS).map((v) => ({ params, query: { ...query, [key]: v } })),
    );
  }
  if (body !== undefined) {
    for (const path of leaves(body).filter((p) => p.length > 0)) {
      variants.push(
        badJson(getAt(body, path)).map((v) => ({
          params,
          query,
          body: encode(setAt(body, path, v)),
        })),
      );
    }
    variants.push(
      fc.constantFrom(
        { params, query, body: "{not json" },
        { params, query, body: "[]" },
        { params, query, body: '"text"' },
        { params, query, body: encode(body), contentType: "text/plain" },
        { params, query, body: encode({ ...(body as object), padding: "x".repeat(1_100_000) }) },
      ),
    );
  }
  return fc.oneof(...variants);
}

/** Malformed variants of an action's valid form: one field broken, or sent as a file. */
function badForms(form: Record<string, string>): fc.Arbitrary<Record<string, string | Blob>> {
  return fc.oneof(
    ...Object.keys(form).map((key) =>
      fc
        .oneof(
          badText(form[key]!, key === "extendUntil", IN_FORMS),
          fc.constant(new Blob(["\u0000binary"], { type: "application/octet-stream" })),
        )
        .map((v) => ({ ...form, [key]: v })),
    ),
  );
}

// ------------------------------------------------------------------------------------- the suite

async function snapshot(): Promise<string> {
  const d = t.db;
  const [tables, jobs, drives, incidents, packages, users_, links, apiKeys, sessions] =
    await Promise.all([
      Promise.all([
        d.event.count(),
        d.job.count(),
        d.drive.count(),
        d.package.count(),
        d.incident.count(),
        d.customer.count(),
        d.user.count(),
        d.apiKey.count(),
        d.statusLink.count(),
        d.contactAttempt.count(),
        d.destructionRecord.count(),
      ]),
      d.job.findMany({ orderBy: { id: "asc" } }),
      d.drive.findMany({ orderBy: { id: "asc" } }),
      d.incident.findMany({ orderBy: { id: "asc" } }),
      d.package.findMany({ orderBy: { id: "asc" } }),
      d.user.findMany({ orderBy: { id: "asc" } }),
      d.statusLink.findMany({ orderBy: { id: "asc" } }),
      // lastUsedAt moves with every authenticated call, refused or not: not a change of data.
      d.apiKey.findMany({ orderBy: { id: "asc" }, omit: { lastUsedAt: true } }),
      d.userSession.findMany({ orderBy: { id: "asc" } }),
    ]);
  return JSON.stringify(
    { tables, jobs, drives, incidents, packages, users_, links, apiKeys, sessions },
    (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v),
  );
}

async function makeJob(state: JobState, more: Record<string, unknown> = {}) {
  return t.db.job.create({
    data: {
      customerId: f.customer!,
      name: `bad-input-${++n}`,
      type: "Import",
      storageAccount: "s",
      state,
      ...more,
    },
  });
}
async function makeDrive(state: DriveState, more: Record<string, unknown> = {}) {
  const job = await makeJob(state === "Transferring" ? "Transferring" : "Received");
  return (
    await t.db.drive.create({ data: { jobId: job.id, serial: `WD-BADIN${++n}`, state, ...more } })
  ).id;
}

beforeAll(async () => {
  t = await freshDatabase();
  (globalThis as unknown as { docksideDb: unknown }).docksideDb = t.db;
  for (const role of Object.keys(users) as Role[]) {
    users[role] = (
      await t.db.user.create({
        data: { email: `${role}@bad.test`, name: `The ${role}`, role, passwordHash: "x" },
      })
    ).id;
    await openTestSession(t.db, users[role]);
  }
  f.targetUser = (
    await t.db.user.create({
      data: { email: "target@bad.test", name: "Target", role: "operator", passwordHash: "x" },
    })
  ).id;
  f.customer = (
    await t.db.customer.create({
      data: { name: "Bad Input Co", contactName: "Pat", contactEmail: "pat@bad.test" },
    })
  ).id;
  const admin = { type: "user", id: users.admin, label: "admin", role: "admin" } as const;
  keys.customer = ok(
    await issueApiKey(
      t.db,
      admin,
      { kind: "customer", name: "c", customerId: f.customer },
      new Date(),
    ),
  ).key;
  keys.station = ok(
    await issueApiKey(t.db, admin, { kind: "station", name: "s", customerId: null }, new Date()),
  ).key;
  f.spareKey = (
    await t.db.apiKey.create({
      data: { kind: "station", name: "spare", prefix: "spare00001", keyHash: "0" },
    })
  ).id;
  f.shipping = (await makeJob("Shipping")).id;
  f.packaging = (await makeJob("Packaging")).id;
  f.faultedJob = (await makeJob("Faulted", { faultedFrom: "Creating" })).id;
  f.exportCompleted = (await makeJob("Completed", { type: "Export" })).id;
  f.creatingName = (await makeJob("Creating")).name;
  f.received = await makeDrive("Received");
  f.transferring = await makeDrive("Transferring");
  f.faultedDrive = await makeDrive("Faulted", { faultedFrom: "Received" });
  f.incident = (
    await t.db.incident.create({
      data: { kind: "PackageOverdue", jobId: f.shipping, summary: "Overdue" },
    })
  ).id;
  f.linked = (await makeJob("Shipping")).id;
  await t.db.statusLink.create({
    data: { jobId: f.linked, tokenHash: createHash("sha256").update("bad-input").digest("hex") },
  });
  f.package = (
    await t.db.package.create({
      data: { direction: "Inbound", carrier: "DHL", trackingNumber: "3000000022" },
    })
  ).id;
});
afterAll(() => t.drop());

describe("the bad-input suite", () => {
  let total = 0;
  const failures: string[] = [];
  let before = "";

  beforeAll(async () => {
    before = await snapshot();
  });

  for (const target of TARGETS) {
    const label = `${target.file}#${target.name}`;
    it(`${label}: ${RUNS} malformed requests, each refused with a 4xx, none a 5xx`, async () => {
      const requests =
        target.kind === "action"
          ? fc.sample(badForms(target.form()), { numRuns: RUNS, seed: SEED })
          : fc.sample(badRouteRequests(target), { numRuns: RUNS, seed: SEED });
      for (const request of requests) {
        total++;
        let outcome: Outcome;
        try {
          outcome =
            target.kind === "action"
              ? await callAction(target, request as Record<string, string | Blob>)
              : await callRoute(target, request as RawRequest);
        } catch (error) {
          outcome = { status: 500, detail: String(error) };
        }
        if (outcome.status < 400 || outcome.status >= 500) {
          const shown = JSON.stringify(request, (_, v: unknown) =>
            typeof v === "string" && v.length > 120 ? `${v.slice(0, 60)}…(${v.length})` : v,
          );
          failures.push(`${label} ${outcome.status} for ${shown}: ${outcome.detail.slice(0, 300)}`);
        }
      }
      expect(failures.filter((x) => x.startsWith(label))).toEqual([]);
    });
  }

  // Besides the random ones: one of each kind of refused character in every text value.
  const EACH_KIND = [
    "\u0000",
    "\u0085",
    "\u202e",
    "\u2066",
    "\u200b",
    "\ufeff",
    "\u2028",
    "\uffff",
  ];
  for (const target of TARGETS) {
    const label = `${target.file}#${target.name}`;
    it(`${label}: each kind of refused character in each of its text values is refused`, async () => {
      const requests: (Record<string, string> | RawRequest)[] = [];
      const inside = (v: string, c: string) => `${v.slice(0, 1)}${c}${v.slice(1)}`;
      if (target.kind === "action") {
        const form = target.form();
        for (const key of Object.keys(form))
          for (const c of EACH_KIND) requests.push({ ...form, [key]: inside(form[key]!, c) });
      } else {
        const params = target.params?.() ?? {};
        const body = target.body?.();
        const encoded = body === undefined ? undefined : JSON.stringify(body);
        for (const key of Object.keys(params))
          for (const c of [...EACH_KIND, "\ud800"])
            requests.push({
              params: { ...params, [key]: inside(params[key]!, c) },
              query: target.query?.(),
              body: encoded,
            });
        for (const path of body === undefined ? [] : leaves(body)) {
          const valid = getAt(body, path);
          if (typeof valid !== "string") continue;
          for (const c of [...EACH_KIND, "\ud800"])
            requests.push({
              params,
              query: target.query?.(),
              body: JSON.stringify(setAt(body, path, inside(valid, c))),
            });
        }
      }
      for (const request of requests) {
        total++;
        let outcome: Outcome;
        try {
          outcome =
            target.kind === "action"
              ? await callAction(target, request as Record<string, string>)
              : await callRoute(target, request as RawRequest);
        } catch (error) {
          outcome = { status: 500, detail: String(error) };
        }
        if (outcome.status < 400 || outcome.status >= 500)
          failures.push(
            `${label} ${outcome.status} for ${JSON.stringify(request)}: ${outcome.detail.slice(0, 300)}`,
          );
      }
      expect(failures.filter((x) => x.startsWith(label))).toEqual([]);
    });
  }

  it(`sent at least 1,000 malformed requests, and the database did not change`, async () => {
    expect(total).toBeGreaterThanOrEqual(1000);
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });
});
