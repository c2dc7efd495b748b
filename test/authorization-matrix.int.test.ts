/**
 * The authorization matrix: every server action and every route handler of the app, called
 * directly (as a forged POST would reach it, with no UI in between), by every kind of caller.
 * Allowed callers succeed; everyone else is refused and the database does not change.
 *
 * The table below must name every export of every app/**\/actions.ts and every method of every
 * app/**\/route.ts: adding one without adding it here fails the first test.
 */
import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/permissions.ts";
import type { ActionState } from "@/lib/action-state.ts";
import type { DriveState, JobState } from "@/lib/generated/prisma/enums.ts";
import { freshDatabase, type TestDatabase } from "@/test/test-database.ts";
import { ok, openTestSession, testIdentity } from "@/test/fixtures.ts";
import { issueApiKey, revokeApiKey } from "@/lib/server/api-keys/commands.ts";
import { siteCode } from "@/lib/validation/sites.ts";

const identity = vi.hoisted(() => ({
  current: null as { userId: string; sessionId: string; issuedAt: Date } | null,
}));
vi.mock("@/lib/server/auth/session.ts", () => ({ sessionIdentity: async () => identity.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
// The time-zone setting writes a cookie of this browser: a jar of the test's own.
vi.mock("next/headers", async (original) => {
  const jar = new Map<string, string>();
  return {
    ...(await original<typeof import("next/headers")>()),
    cookies: async () => ({
      get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
      set: (name: string, value: string) => void jar.set(name, value),
      delete: (name: string) => void jar.delete(name),
    }),
  };
});

const root = path.resolve(import.meta.dirname, "..");
const CALLERS = [
  "signed out",
  "operator",
  "supervisor",
  "admin",
  "disabled admin",
  "admin with a revoked session",
  "admin who signed out (a copied session cookie)",
] as const;
type Caller = (typeof CALLERS)[number];

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;
type Handler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;
type Ctx = {
  targetUserId: () => Promise<string>;
  /** A job (and drive) in the given states, made straight in the test database. */
  job: (state: JobState, extra?: { faultedFrom?: JobState }) => Promise<string>;
  drive: (state: DriveState, extra?: { faultedFrom?: DriveState }) => Promise<string>;
  unique: () => string;
  openPackage: () => Promise<string>;
  /** A job in Shipping with an active status link. */
  jobWithStatusLink: () => Promise<string>;
  /** The name of a job of the customer the matrix's customer key belongs to. */
  jobName: (state: JobState) => Promise<string>;
  /** The same, made under the ARM scope ARM_SCOPE (subscription and resource group). */
  armJobName: (state: JobState) => Promise<string>;
  /** A datacenter site (open), made straight in the test database. */
  site: () => Promise<{ id: string; name: string }>;
};

/** The subscription and resource group of the ARM paths' entries. */
const ARM_SCOPE = {
  subscriptionId: "0000aaaa-1111-2222-3333-444455556666",
  resourceGroupName: "matrix-rg",
};
const ARM_QUERY = { "api-version": "2021-01-01" };
const SITE_FORM = {
  recipientName: "Dockside Receiving",
  streetAddress1: "1 Dock Road",
  city: "Santa Clara",
  stateOrProvince: "CA",
  postalCode: "95050",
  countryOrRegion: "USA",
  supportedCarriers: "FedEx, UPS",
};
type Entry =
  | {
      kind: "action";
      allowed: readonly Role[];
      form: (ctx: Ctx) => Promise<Record<string, string>>;
    }
  | { kind: "route"; public: string }
  | { kind: "testHook"; why: string }
  /**
   * The public API: a key of the route's kind is the only way in. Every staff session (even an
   * admin's) without a key gets 401, a key of the other kind 403, a revoked key 401; none changes
   * anything. The right key gets `status`.
   */
  | {
      kind: "apiRoute";
      key: "customer" | "station";
      status: number;
      request: (ctx: Ctx) => Promise<{
        body?: unknown;
        params?: Record<string, string>;
        query?: Record<string, string>;
      }>;
    }
  | {
      kind: "staffRoute";
      allowed: readonly Role[];
      request: (ctx: Ctx) => Promise<{
        body?: unknown;
        params?: Record<string, string>;
        query?: Record<string, string>;
      }>;
    };

/**
 * Pages, opened by every caller: the allowed roles get the page; a signed-in user of another role
 * the console's 403 (forbidden()); everyone else the sign-in page (redirect). Pages call no
 * command, so only the pages of issue 12's admin webhooks are listed here.
 */
const PAGES: Record<
  string,
  {
    allowed: readonly Role[];
    props: (ctx: Ctx) => Promise<{
      params?: Record<string, string>;
      searchParams?: Record<string, string>;
    }>;
  }
> = {
  "app/(console)/admin/webhooks/page.tsx": {
    allowed: ["admin"],
    props: async () => ({ searchParams: { customer: await matrixCustomer() } }),
  },
  "app/(console)/admin/webhooks/[id]/page.tsx": {
    allowed: ["admin"],
    props: async () => ({ params: { id: await matrixWebhook() } }),
  },
};

let counter = 0;
const MATRIX: Record<string, Entry> = {
  "app/(console)/admin/users/actions.ts#createUserAction": {
    kind: "action",
    allowed: ["admin"],
    form: async ({ unique }) => ({
      email: `new-${unique()}@dockside.test`,
      name: "New Person",
      role: "operator",
      password: "a-long-enough-password",
    }),
  },
  "app/(console)/admin/users/actions.ts#changeRoleAction": {
    kind: "action",
    allowed: ["admin"],
    form: async ({ targetUserId }) => ({ userId: await targetUserId(), role: "supervisor" }),
  },
  "app/(console)/admin/users/actions.ts#setDisabledAction": {
    kind: "action",
    allowed: ["admin"],
    form: async ({ targetUserId }) => ({ userId: await targetUserId(), disabled: "true" }),
  },
  "app/(console)/admin/users/actions.ts#resetPasswordAction": {
    kind: "action",
    allowed: ["admin"],
    form: async ({ targetUserId }) => ({
      userId: await targetUserId(),
      password: "another-long-password",
    }),
  },
  "app/(console)/admin/api-keys/actions.ts#issueApiKeyAction": {
    kind: "action",
    allowed: ["admin"],
    form: async ({ unique }) => ({ kind: "station", name: `station ${unique()}` }),
  },
  "app/(console)/admin/api-keys/actions.ts#revokeApiKeyAction": {
    kind: "action",
    allowed: ["admin"],
    form: async ({ unique }) => ({
      apiKeyId: (
        await t.db.apiKey.create({
          data: {
            kind: "station",
            name: "to revoke",
            prefix: `rv${unique().padStart(8, "0")}`,
            keyHash: "0",
          },
        })
      ).id,
    }),
  },
  "app/(console)/admin/api-keys/actions.ts#createCustomerAction": {
    kind: "action",
    allowed: ["admin"],
    form: async ({ unique }) => ({
      name: `Customer ${unique()}`,
      contactName: "Pat Doe",
      contactEmail: "pat@example.com",
    }),
  },
  "app/(console)/admin/locations/actions.ts#createSiteAction": {
    kind: "action",
    allowed: ["admin"],
    form: async ({ unique }) => ({ ...SITE_FORM, name: `Matrix Site ${unique()}` }),
  },
  "app/(console)/admin/locations/actions.ts#updateSiteAction": {
    kind: "action",
    allowed: ["admin"],
    form: async ({ site, unique }) => ({
      ...SITE_FORM,
      siteId: (await site()).id,
      name: `Matrix Site ${unique()}`,
    }),
  },
  "app/(console)/admin/locations/actions.ts#setSiteActiveAction": {
    kind: "action",
    allowed: ["admin"],
    form: async ({ site }) => ({ siteId: (await site()).id, active: "false" }),
  },
  "app/(console)/admin/webhooks/actions.ts#sendTestWebhookAction": {
    kind: "action",
    allowed: ["admin"],
    form: async () => ({ webhookId: await matrixWebhook() }),
  },
  "app/(console)/admin/webhooks/actions.ts#retryWebhookDeliveryAction": {
    kind: "action",
    allowed: ["admin"],
    form: async () => ({ deliveryId: await matrixWebhookDelivery() }),
  },
  "app/(console)/faults/actions.ts#faultJobAction": {
    kind: "action",
    allowed: ["operator", "supervisor"],
    form: async ({ job }) => ({
      jobId: await job("Shipping"),
      reason: "driveNotReceived",
      note: "No package at the dock.",
    }),
  },
  "app/(console)/faults/actions.ts#faultDriveAction": {
    kind: "action",
    allowed: ["operator", "supervisor"],
    form: async ({ drive }) => ({
      driveId: await drive("Received"),
      reason: "diskCorrupted",
      note: "Clicks and does not mount.",
    }),
  },
  "app/(console)/faults/actions.ts#resolveJobFaultAction": {
    kind: "action",
    allowed: ["supervisor"],
    // A job faulted from Creating, with no drives, goes back to Creating (R-F3).
    form: async ({ job }) => ({
      jobId: await job("Faulted", { faultedFrom: "Creating" }),
      to: "Creating",
      note: "Customer fixed the order.",
    }),
  },
  "app/(console)/faults/actions.ts#resolveDriveFaultAction": {
    kind: "action",
    allowed: ["supervisor"],
    // A drive faulted from Received (its job Received) resolves back to Received (R-F3).
    form: async ({ drive }) => ({
      driveId: await drive("Faulted", { faultedFrom: "Received" }),
      to: "Received",
      note: "Reseated; it mounts.",
    }),
  },
  "app/(console)/faults/actions.ts#recordContactAction": {
    kind: "action",
    allowed: ["supervisor"],
    form: async ({ job }) => ({
      jobId: await job("Shipping"),
      channel: "phone",
      result: "noAnswer",
      outcome: "Left a voicemail.",
    }),
  },
  "app/(console)/settings/actions.ts#saveTimeZoneAction": {
    kind: "action",
    allowed: ["operator", "supervisor", "admin"],
    form: async () => ({ timeZone: "Europe/Berlin" }),
  },
  "app/(console)/incidents/actions.ts#recordOutcomeAction": {
    kind: "action",
    allowed: ["supervisor"],
    // R-E4: an open incident on a Packaging job, resolved with a note.
    form: async ({ job }) => {
      const incident = await t.db.incident.create({
        data: {
          kind: "ReturnAddressInvalid",
          jobId: await job("Packaging"),
          summary: "Bad address",
        },
      });
      return { incidentId: incident.id, outcome: "resolved", note: "Customer sent a new address." };
    },
  },
  "app/(console)/incidents/actions.ts#openReturnedDrivesIncidentAction": {
    kind: "action",
    allowed: ["supervisor"],
    // R-E3: only an export job that is Completed (or Closed).
    form: async ({ job }) => {
      const jobId = await job("Completed");
      await t.db.job.update({ where: { id: jobId }, data: { type: "Export" } });
      return { jobId, summary: "The carrier lost the return package." };
    },
  },
  "app/(console)/incidents/actions.ts#openReturnAddressIncidentAction": {
    kind: "action",
    allowed: ["supervisor"],
    form: async ({ job }) => ({
      jobId: await job("Packaging"),
      summary: "The carrier rejected the address.",
    }),
  },
  "app/(console)/jobs/[id]/actions.ts#revealKeyAction": {
    kind: "action",
    // lib/permissions: only a supervisor reveals keys; an admin manages users, not drives.
    allowed: ["supervisor"],
    form: async ({ drive, unique }) => {
      const driveId = await drive("Specified");
      await t.db.drive.update({
        where: { id: driveId },
        data: {
          bitLockerKey: `111111-222222-333333-444444-555555-666666-777777-${unique().padStart(6, "0")}`,
        },
      });
      return { driveId };
    },
  },
  "app/(console)/jobs/[id]/actions.ts#cancelJobAction": {
    kind: "action",
    allowed: ["supervisor"],
    // R-J14: a Shipping job can be cancelled.
    form: async ({ job }) => ({
      jobId: await job("Shipping"),
      reason: "The customer withdrew the order.",
    }),
  },
  "app/(console)/jobs/[id]/delivery-actions.ts#resendDeliveryAction": {
    kind: "action",
    allowed: ["supervisor"],
    form: async ({ job }) => ({ deliveryId: await matrixDelivery(await job("Shipping")) }),
  },
  "app/(console)/jobs/[id]/status-link-actions.ts#createStatusLinkAction": {
    kind: "action",
    allowed: ["supervisor", "admin"],
    form: async ({ job }) => ({ jobId: await job("Shipping") }),
  },
  "app/(console)/jobs/[id]/status-link-actions.ts#rotateStatusLinkAction": {
    kind: "action",
    allowed: ["supervisor", "admin"],
    form: async ({ jobWithStatusLink }) => ({ jobId: await jobWithStatusLink() }),
  },
  "app/(console)/jobs/[id]/status-link-actions.ts#revokeStatusLinkAction": {
    kind: "action",
    allowed: ["supervisor", "admin"],
    form: async ({ jobWithStatusLink }) => ({ jobId: await jobWithStatusLink() }),
  },
  "app/api/dock/packages/route.ts#POST": {
    kind: "staffRoute",
    allowed: ["operator", "supervisor"],
    request: async ({ unique }) => ({
      body: { code: dhlNumber(Number(unique())), direction: "Inbound" },
    }),
  },
  "app/api/dock/packages/[id]/route.ts#GET": {
    kind: "staffRoute",
    allowed: ["operator", "supervisor"],
    request: async ({ openPackage }) => ({ params: { id: await openPackage() } }),
  },
  "app/api/dock/packages/[id]/close/route.ts#POST": {
    kind: "staffRoute",
    allowed: ["operator", "supervisor"],
    request: async ({ openPackage }) => ({ body: {}, params: { id: await openPackage() } }),
  },
  "app/api/dock/packages/[id]/next/route.ts#POST": {
    kind: "staffRoute",
    // A package with nothing expected is complete: the next label closes it and opens the next.
    allowed: ["operator", "supervisor"],
    request: async ({ openPackage }) => ({
      body: { code: dhlNumber(700000 + ++nextLabels) },
      params: { id: await openPackage() },
    }),
  },
  "app/api/dock/scans/route.ts#POST": {
    kind: "staffRoute",
    allowed: ["operator", "supervisor"],
    request: async ({ openPackage, unique }) => ({
      body: {
        packageId: await openPackage(),
        code: `WD-WCC4N${unique().padStart(6, "0")}`,
        scanId: crypto.randomUUID(),
      },
    }),
  },
  "app/api/dock/scans/undo/route.ts#POST": {
    kind: "staffRoute",
    // The caller has nothing to undo in a fresh package: allowed roles get 404 "no scan", others 401/403.
    allowed: ["operator", "supervisor"],
    request: async ({ openPackage }) => ({ body: { packageId: await openPackage() } }),
  },
  "app/api/faults/route.ts#GET": {
    kind: "staffRoute",
    allowed: ["supervisor"],
    request: async () => ({}),
  },
  "app/api/alerts/route.ts#GET": {
    kind: "staffRoute",
    allowed: ["supervisor"],
    request: async () => ({}),
  },
  "app/api/incidents/route.ts#GET": {
    kind: "staffRoute",
    allowed: ["supervisor"],
    request: async () => ({ query: { rule: "R-E2", due: "7", sort: "opened" } }),
  },
  "app/api/search/route.ts#GET": {
    kind: "staffRoute",
    allowed: ["operator", "supervisor", "admin"],
    request: async () => ({ query: { q: "WD-" } }),
  },
  "app/api/jobs/export/route.ts#GET": {
    kind: "staffRoute",
    allowed: ["operator", "supervisor", "admin"],
    request: async () => ({ query: { sort: "name", type: "Import" } }),
  },
  "app/api/v1/jobs/route.ts#GET": {
    kind: "apiRoute",
    key: "customer",
    status: 200,
    request: async () => ({ query: { $top: "5" } }),
  },
  "app/api/v1/jobs/[jobName]/route.ts#GET": {
    kind: "apiRoute",
    key: "customer",
    status: 200,
    request: async ({ jobName }) => ({ params: { jobName: await jobName("Shipping") } }),
  },
  "app/api/v1/jobs/[jobName]/route.ts#PUT": {
    kind: "apiRoute",
    key: "customer",
    status: 201,
    request: async ({ unique }) => ({
      params: { jobName: `matrix-put-${unique()}` },
      body: {
        properties: {
          jobType: "Import",
          storageAccountId: "matrixstore",
          driveList: [{ driveId: `WD-MX${unique().padStart(6, "0")}` }],
        },
      },
    }),
  },
  "app/api/v1/jobs/[jobName]/route.ts#PATCH": {
    kind: "apiRoute",
    key: "customer",
    status: 200,
    request: async ({ jobName }) => ({
      params: { jobName: await jobName("Creating") },
      body: { properties: { logLevel: "Verbose" } },
    }),
  },
  "app/api/v1/jobs/[jobName]/route.ts#DELETE": {
    kind: "apiRoute",
    key: "customer",
    status: 200,
    request: async ({ jobName }) => ({ params: { jobName: await jobName("Creating") } }),
  },
  "app/api/v1/jobs/[jobName]/listBitLockerKeys/route.ts#POST": {
    kind: "apiRoute",
    key: "customer",
    // Not offered to anyone: the right key is refused too, with a sentence saying why.
    status: 403,
    request: async ({ jobName }) => ({ params: { jobName: await jobName("Creating") } }),
  },
  "app/api/v1/webhooks/route.ts#GET": {
    kind: "apiRoute",
    key: "customer",
    status: 200,
    request: async () => ({}),
  },
  "app/api/v1/webhooks/route.ts#POST": {
    kind: "apiRoute",
    key: "customer",
    status: 201,
    request: async ({ unique }) => ({
      body: { url: `https://hooks.matrix.example/${unique()}`, events: ["job.state_changed"] },
    }),
  },
  "app/api/v1/webhooks/[webhookId]/route.ts#GET": {
    kind: "apiRoute",
    key: "customer",
    status: 200,
    request: async () => ({ params: { webhookId: await matrixWebhook() } }),
  },
  "app/api/v1/webhooks/[webhookId]/route.ts#DELETE": {
    kind: "apiRoute",
    key: "customer",
    status: 204,
    request: async () => ({ params: { webhookId: await matrixWebhook() } }),
  },
  "app/api/v1/webhooks/[webhookId]/test/route.ts#POST": {
    kind: "apiRoute",
    key: "customer",
    status: 202,
    request: async () => ({ params: { webhookId: await matrixWebhook() } }),
  },
  "app/api/v1/locations/route.ts#GET": {
    kind: "apiRoute",
    key: "customer",
    status: 200,
    request: async () => ({}),
  },
  "app/api/v1/locations/[locationName]/route.ts#GET": {
    kind: "apiRoute",
    key: "customer",
    status: 200,
    request: async ({ site }) => ({ params: { locationName: (await site()).name } }),
  },
  "app/providers/Microsoft.ImportExport/locations/route.ts#GET": {
    kind: "apiRoute",
    key: "customer",
    status: 200,
    request: async () => ({ query: ARM_QUERY }),
  },
  "app/providers/Microsoft.ImportExport/locations/[locationName]/route.ts#GET": {
    kind: "apiRoute",
    key: "customer",
    status: 200,
    request: async ({ site }) => ({
      params: { locationName: (await site()).name },
      query: ARM_QUERY,
    }),
  },
  "app/providers/Microsoft.ImportExport/operations/route.ts#GET": {
    kind: "apiRoute",
    key: "customer",
    status: 200,
    request: async () => ({ query: ARM_QUERY }),
  },
  "app/subscriptions/[subscriptionId]/providers/Microsoft.ImportExport/jobs/route.ts#GET": {
    kind: "apiRoute",
    key: "customer",
    status: 200,
    request: async () => ({
      params: { subscriptionId: ARM_SCOPE.subscriptionId },
      query: { ...ARM_QUERY, $top: "5" },
    }),
  },
  "app/subscriptions/[subscriptionId]/resourceGroups/[resourceGroupName]/providers/Microsoft.ImportExport/jobs/route.ts#GET":
    {
      kind: "apiRoute",
      key: "customer",
      status: 200,
      request: async () => ({ params: ARM_SCOPE, query: { ...ARM_QUERY, $top: "5" } }),
    },
  "app/subscriptions/[subscriptionId]/resourceGroups/[resourceGroupName]/providers/Microsoft.ImportExport/jobs/[jobName]/route.ts#GET":
    {
      kind: "apiRoute",
      key: "customer",
      status: 200,
      request: async ({ armJobName }) => ({
        params: { ...ARM_SCOPE, jobName: await armJobName("Shipping") },
        query: ARM_QUERY,
      }),
    },
  "app/subscriptions/[subscriptionId]/resourceGroups/[resourceGroupName]/providers/Microsoft.ImportExport/jobs/[jobName]/route.ts#PUT":
    {
      kind: "apiRoute",
      key: "customer",
      status: 201,
      request: async ({ unique }) => ({
        params: { ...ARM_SCOPE, jobName: `matrix-arm-put-${unique()}` },
        query: ARM_QUERY,
        body: {
          properties: {
            jobType: "Import",
            storageAccountId: "matrixstore",
            driveList: [{ driveId: `WD-MA${unique().padStart(6, "0")}` }],
          },
        },
      }),
    },
  "app/subscriptions/[subscriptionId]/resourceGroups/[resourceGroupName]/providers/Microsoft.ImportExport/jobs/[jobName]/route.ts#PATCH":
    {
      kind: "apiRoute",
      key: "customer",
      status: 200,
      request: async ({ armJobName }) => ({
        params: { ...ARM_SCOPE, jobName: await armJobName("Creating") },
        query: ARM_QUERY,
        body: { properties: { logLevel: "Verbose" } },
      }),
    },
  "app/subscriptions/[subscriptionId]/resourceGroups/[resourceGroupName]/providers/Microsoft.ImportExport/jobs/[jobName]/route.ts#DELETE":
    {
      kind: "apiRoute",
      key: "customer",
      status: 200,
      request: async ({ armJobName }) => ({
        params: { ...ARM_SCOPE, jobName: await armJobName("Creating") },
        query: ARM_QUERY,
      }),
    },
  "app/subscriptions/[subscriptionId]/resourceGroups/[resourceGroupName]/providers/Microsoft.ImportExport/jobs/[jobName]/listBitLockerKeys/route.ts#POST":
    {
      kind: "apiRoute",
      key: "customer",
      // Not offered to anyone: the right key is refused too, with a sentence saying why.
      status: 403,
      request: async ({ armJobName }) => ({
        params: { ...ARM_SCOPE, jobName: await armJobName("Creating") },
        query: ARM_QUERY,
      }),
    },
  "app/api/v1/stations/drives/route.ts#GET": {
    kind: "apiRoute",
    key: "station",
    status: 200,
    request: async () => ({ query: { $top: "5" } }),
  },
  "app/api/v1/stations/drives/[id]/start/route.ts#POST": {
    kind: "apiRoute",
    key: "station",
    status: 200,
    request: async ({ drive }) => ({ params: { id: await drive("Received") } }),
  },
  "app/api/v1/stations/drives/[id]/progress/route.ts#POST": {
    kind: "apiRoute",
    key: "station",
    status: 200,
    request: async ({ drive }) => ({
      params: { id: await drive("Transferring") },
      body: { percentComplete: 40, bytesTransferred: 1_000_000_000 },
    }),
  },
  "app/api/v1/stations/drives/[id]/finish/route.ts#POST": {
    kind: "apiRoute",
    key: "station",
    status: 200,
    request: async ({ drive }) => ({
      params: { id: await drive("Transferring") },
      body: { errorCount: 0, warningCount: 0 },
    }),
  },
  "app/api/v1/openapi.json/route.ts#GET": {
    kind: "route",
    public: "the OpenAPI document of the public API: no data, only its description",
  },
  "app/api/health/route.ts#GET": {
    kind: "route",
    public: "whether this instance's database answers (200 or 503), for load balancers: no data",
  },
  "app/api/test/clock/route.ts#POST": {
    kind: "testHook",
    why: "e2e only: runs the sweep at a chosen time; 404 unless DOCKSIDE_TEST_HOOKS=1, then supervisors only",
  },
  "app/status/[token]/route.ts#GET": {
    kind: "route",
    public:
      "the customer's status page: the token is the key; 404 unless it leads to a live job; rate-limited",
  },
  "app/status/[token]/route.ts#HEAD": {
    kind: "route",
    public: "the same status page, headers only",
  },
  "app/api/auth/[...nextauth]/route.ts#GET": {
    kind: "route",
    public: "next-auth: CSRF token, session, providers",
  },
  "app/api/auth/[...nextauth]/route.ts#POST": {
    kind: "route",
    public: "next-auth: sign-in callback (throttled), sign-out",
  },
};

/** A valid DHL Express number (check digit: first nine digits mod 7), different for each n. */
let nextLabels = 0;

function dhlNumber(n: number): string {
  const body = String(300000000 + n);
  return `${body}${Number(body) % 7}`;
}

function files(dir: string, name: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith(name))
    .map((d) => path.relative(root, path.join(d.parentPath, d.name)));
}

async function discover(): Promise<string[]> {
  const found: string[] = [];
  for (const file of files("app", "actions.ts")) {
    const mod = (await import(path.join(root, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod))
      if (typeof value === "function") found.push(`${file}#${name}`);
  }
  for (const file of files("app", "route.ts")) {
    const mod = (await import(path.join(root, file))) as Record<string, unknown>;
    for (const method of ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"])
      if (typeof mod[method] === "function") found.push(`${file}#${method}`);
  }
  return found.sort();
}

let t: TestDatabase;
const users = {} as Record<Exclude<Caller, "signed out">, string>;

async function makeUser(
  role: Role,
  label: string,
  extra: { disabled?: boolean; sessionsValidFrom?: Date } = {},
) {
  const u = await t.db.user.create({
    data: {
      email: `${label.replaceAll(" ", "-")}-${++counter}@dockside.test`,
      name: label,
      role,
      passwordHash: "x",
      ...extra,
    },
  });
  return u.id;
}

function signIn(caller: Caller) {
  const issuedAt = new Date(); // a session issued just now, after every user was made
  identity.current = caller === "signed out" ? null : testIdentity(users[caller], issuedAt);
}

async function snapshot() {
  const [u, e, p, d, j, k, c, l, s, n, m] = await Promise.all([
    t.db.user.findMany({ orderBy: { id: "asc" } }),
    t.db.event.count(),
    t.db.package.findMany({ orderBy: { id: "asc" } }),
    t.db.drive.findMany({ orderBy: { id: "asc" }, select: { id: true, version: true } }),
    t.db.job.findMany({ orderBy: { id: "asc" }, select: { id: true, version: true } }),
    t.db.apiKey.findMany({ orderBy: { id: "asc" }, select: { id: true, revokedAt: true } }),
    t.db.customer.count(),
    t.db.statusLink.findMany({ orderBy: { id: "asc" }, select: { id: true, revokedAt: true } }),
    t.db.site.findMany({ orderBy: { id: "asc" }, select: { id: true, version: true } }),
    t.db.notice.count(),
    t.db.delivery.findMany({
      orderBy: { id: "asc" },
      select: { id: true, status: true, nextAttemptAt: true },
    }),
  ]);
  return JSON.stringify({ u, e, p, d, j, k, c, l, s, n, m });
}

/** The API keys the apiRoute entries call with (issued in beforeAll, one revoked). */
const keys = {} as Record<"customer" | "station" | "revoked customer" | "revoked station", string>;

let customerId: string | undefined;
async function matrixCustomer(): Promise<string> {
  customerId ??= (
    await t.db.customer.create({
      data: { name: "Matrix Co", contactName: "Pat", contactEmail: "pat@matrix.test" },
    })
  ).id;
  return customerId;
}

/** A sent email about a job, for Resend. */
async function matrixDelivery(jobId: string): Promise<string> {
  const notice = await t.db.notice.create({
    data: {
      at: new Date(),
      kind: "job.state",
      jobId,
      fromState: "Creating",
      toState: "Shipping",
      fannedOutAt: new Date(),
    },
  });
  const row = await t.db.delivery.create({
    data: {
      noticeId: notice.id,
      jobId,
      channel: "email",
      target: `m${++counter}@matrix.test`,
      status: "sent",
      nextAttemptAt: new Date(),
      giveUpAt: new Date(Date.now() + 86_400_000),
    },
  });
  return row.id;
}

/** A live webhook subscription of the matrix's customer, made straight in the test database. */
async function matrixWebhook(): Promise<string> {
  const row = await t.db.webhookSubscription.create({
    data: {
      customerId: await matrixCustomer(),
      url: `https://hooks.matrix.example/${++counter}`,
      events: ["job.state_changed"],
      secret: "whsec_matrix",
    },
  });
  return row.id;
}

/** A webhook delivery of the matrix's customer that gave up, for "Retry now". */
async function matrixWebhookDelivery(): Promise<string> {
  const subscriptionId = await matrixWebhook();
  const notice = await t.db.notice.create({
    data: { at: new Date(), kind: "webhook.test", fannedOutAt: new Date() },
  });
  const row = await t.db.delivery.create({
    data: {
      noticeId: notice.id,
      channel: "webhook",
      target: `https://hooks.matrix.example/${subscriptionId}`,
      subscriptionId,
      status: "failed",
      attempts: 9,
      lastError: "HTTP 500",
      nextAttemptAt: new Date(),
      giveUpAt: new Date(),
    },
  });
  return row.id;
}

async function makeJob(state: JobState, extra: { faultedFrom?: JobState; arm?: boolean } = {}) {
  await matrixCustomer();
  const job = await t.db.job.create({
    data: {
      customerId: customerId!,
      name: `matrix-${++counter}`,
      type: "Import",
      storageAccount: "s",
      state,
      faultedFrom: extra.faultedFrom ?? null,
      ...(extra.arm
        ? {
            armSubscriptionId: ARM_SCOPE.subscriptionId,
            armResourceGroup: ARM_SCOPE.resourceGroupName,
            armResourceGroupKey: ARM_SCOPE.resourceGroupName,
          }
        : {}),
    },
  });
  return job.id;
}

function ctx(): Ctx {
  return {
    targetUserId: () => makeUser("operator", "target"),
    job: makeJob,
    drive: async (state, extra = {}) =>
      (
        await t.db.drive.create({
          data: {
            jobId: await makeJob("Received"),
            serial: `WD-MATRIX${++counter}`,
            state,
            faultedFrom: extra.faultedFrom ?? null,
          },
        })
      ).id,
    unique: () => String(++counter),
    jobWithStatusLink: async () => {
      const jobId = await makeJob("Shipping");
      await t.db.statusLink.create({
        data: {
          jobId,
          tokenHash: createHash("sha256").update(`matrix-${++counter}`).digest("hex"),
        },
      });
      return jobId;
    },
    jobName: async (state) =>
      (await t.db.job.findUniqueOrThrow({ where: { id: await makeJob(state) } })).name,
    armJobName: async (state) =>
      (await t.db.job.findUniqueOrThrow({ where: { id: await makeJob(state, { arm: true }) } }))
        .name,
    site: async () => {
      const name = `Matrix Site ${++counter}`;
      const site = await t.db.site.create({
        data: { ...SITE_FORM, name, code: siteCode(name), supportedCarriers: ["FedEx"] },
      });
      return { id: site.id, name };
    },
    openPackage: async () =>
      (
        await t.db.package.create({
          data: {
            direction: "Inbound",
            carrier: "DHL",
            trackingNumber: dhlNumber(900000 + ++counter),
          },
        })
      ).id,
  };
}

beforeAll(async () => {
  t = await freshDatabase();
  // The app's `db` is made on first use: hand it this file's database.
  (globalThis as unknown as { docksideDb: unknown }).docksideDb = t.db;
  users.operator = await makeUser("operator", "operator");
  users.supervisor = await makeUser("supervisor", "supervisor");
  users.admin = await makeUser("admin", "admin");
  users["disabled admin"] = await makeUser("admin", "disabled admin", { disabled: true });
  users["admin with a revoked session"] = await makeUser("admin", "revoked admin", {
    sessionsValidFrom: new Date(Date.now() + 3_600_000),
  });
  users["admin who signed out (a copied session cookie)"] = await makeUser("admin", "gone admin");
  for (const id of Object.values(users)) await openTestSession(t.db, id);
  await t.db.userSession.update({
    where: { id: users["admin who signed out (a copied session cookie)"] },
    data: { endedAt: new Date() },
  });
  const admin = { type: "user", id: users.admin, label: "admin", role: "admin" } as const;
  const customer = await matrixCustomer();
  const issue = async (kind: "customer" | "station", name: string) =>
    ok(
      await issueApiKey(
        t.db,
        admin,
        { kind, name, customerId: kind === "customer" ? customer : null },
        new Date(),
      ),
    );
  keys.customer = (await issue("customer", "matrix customer")).key;
  keys.station = (await issue("station", "matrix station")).key;
  for (const kind of ["customer", "station"] as const) {
    const revoked = await issue(kind, `revoked ${kind}`);
    ok(await revokeApiKey(t.db, admin, revoked.id, new Date()));
    keys[`revoked ${kind}`] = revoked.key;
  }
});
afterAll(() => t.drop());

describe("authorization matrix", () => {
  it("covers every server action and route handler, and nothing that no longer exists", async () => {
    expect(await discover()).toEqual(Object.keys(MATRIX).sort());
  });

  for (const [file, entry] of Object.entries(PAGES)) {
    for (const caller of CALLERS) {
      const allowed = (entry.allowed as readonly string[]).includes(caller);
      const refusal = allowed
        ? null
        : caller === "operator" || caller === "supervisor"
          ? "403"
          : "sign-in";
      it(`${file} by ${caller}: ${refusal ? `refused (${refusal})` : "shown"}`, async () => {
        // next.config.ts turns authInterrupts on; forbidden() reads it from the build's env.
        vi.stubEnv("__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS", "true");
        try {
          const page = (
            (await import(path.join(root, file))) as {
              default: (props: {
                params: Promise<Record<string, string>>;
                searchParams: Promise<Record<string, string>>;
              }) => Promise<unknown>;
            }
          ).default;
          const { params, searchParams } = await entry.props(ctx());
          signIn(caller);
          const shown = page({
            params: Promise.resolve(params ?? {}),
            searchParams: Promise.resolve(searchParams ?? {}),
          });
          if (!refusal) {
            expect(await shown).toMatchObject({ type: expect.anything() });
          } else {
            const error = (await shown.then(
              () => null,
              (e: unknown) => e,
            )) as { digest?: string } | null;
            expect(error?.digest).toMatch(
              refusal === "403"
                ? /^NEXT_HTTP_ERROR_FALLBACK;403$/
                : /^NEXT_REDIRECT;.*\/sign-in\?callbackUrl=%2Fadmin%2Fwebhooks/,
            );
          }
        } finally {
          vi.unstubAllEnvs();
        }
      });
    }
  }

  for (const [key, entry] of Object.entries(MATRIX)) {
    if (entry.kind === "route") {
      it(`${key} is public on purpose: ${entry.public}`, () =>
        expect(entry.public.length).toBeGreaterThan(0));
      continue;
    }
    if (entry.kind === "testHook") {
      for (const caller of CALLERS) {
        it(`${key} by ${caller}: not found (test hooks are off)`, async () => {
          const [file, method] = key.split("#") as [string, string];
          const handler = ((await import(path.join(root, file))) as Record<string, Handler>)[
            method
          ]!;
          signIn(caller);
          const before = await snapshot();
          const response = await handler(
            new Request("http://localhost/api", {
              method,
              body: JSON.stringify({ now: new Date().toISOString() }),
            }),
            { params: Promise.resolve({}) },
          );
          expect(response.status).toBe(404);
          expect(await snapshot()).toEqual(before);
        });
      }
      continue;
    }
    if (entry.kind === "apiRoute") {
      const other = entry.key === "customer" ? "station" : "customer";
      const callers = [
        ...CALLERS.map((c) => ({
          label: `${c} (session, no key)`,
          session: c,
          key: null,
          status: 401,
        })),
        { label: `a ${other} key`, session: "admin" as Caller, key: other, status: 403 },
        {
          label: `a revoked ${entry.key} key`,
          session: null,
          key: `revoked ${entry.key}`,
          status: 401,
        },
        { label: `a ${entry.key} key`, session: null, key: entry.key, status: entry.status },
      ] as const;
      for (const caller of callers) {
        const allowed = caller.key === entry.key;
        it(`${key} by ${caller.label}: ${allowed ? `answers ${entry.status}` : `refused (${caller.status}), nothing changes`}`, async () => {
          const [file, method] = key.split("#") as [string, string];
          const handler = ((await import(path.join(root, file))) as Record<string, Handler>)[
            method
          ]!;
          const { body, params, query } = await entry.request(ctx());
          signIn(caller.session ?? "signed out");
          const before = await snapshot();
          const url = new URL("http://localhost/api/v1");
          for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
          const headers: Record<string, string> = { "content-type": "application/json" };
          if (caller.key) headers.authorization = `Bearer ${keys[caller.key]}`;
          const response = await handler(
            new Request(url, {
              method,
              headers,
              ...(method === "GET" || method === "DELETE"
                ? {}
                : { body: JSON.stringify(body ?? {}) }),
            }),
            { params: Promise.resolve(params ?? {}) },
          );
          expect(response.status, await response.clone().text()).toBe(caller.status);
          if (!allowed) {
            expect(await response.json()).toMatchObject({
              error: { code: expect.any(String), message: expect.any(String) },
            });
            expect(await snapshot()).toEqual(before);
          }
        });
      }
      continue;
    }
    if (entry.kind === "staffRoute") {
      for (const caller of CALLERS) {
        const allowed = (entry.allowed as readonly string[]).includes(caller);
        it(`${key} by ${caller}: ${allowed ? "allowed" : "refused (401/403), nothing changes"}`, async () => {
          const [file, method] = key.split("#") as [string, string];
          const handler = ((await import(path.join(root, file))) as Record<string, Handler>)[
            method
          ]!;
          const { body, params, query } = await entry.request(ctx());
          signIn(caller);
          const before = await snapshot();
          const init: RequestInit =
            method === "GET"
              ? {}
              : {
                  method,
                  body: JSON.stringify(body ?? {}),
                  headers: { "content-type": "application/json" },
                };
          const search = query ? `?${new URLSearchParams(query)}` : "";
          const response = await handler(new Request(`http://localhost/api${search}`, init), {
            params: Promise.resolve(params ?? {}),
          });
          if (allowed) {
            // The undo route answers 404 "no scan to undo" to a caller who has not scanned.
            expect(response.status, await response.clone().text()).toBe(
              key.includes("undo")
                ? 404
                : key.endsWith("#GET") || key.includes("close") || key.includes("scans")
                  ? 200
                  : 201,
            );
          } else {
            const signedIn = caller === "admin" || caller === "operator";
            expect(response.status).toBe(signedIn ? 403 : 401);
            expect(await snapshot()).toEqual(before);
          }
        });
      }
      continue;
    }
    for (const caller of CALLERS) {
      const allowed = (entry.allowed as readonly string[]).includes(caller);
      it(`${key} by ${caller}: ${allowed ? "allowed" : "refused, nothing changes"}`, async () => {
        const [file, name] = key.split("#") as [string, string];
        const action = ((await import(path.join(root, file))) as Record<string, Action>)[name]!;
        const form = new FormData();
        for (const [k, v] of Object.entries(await entry.form(ctx()))) form.set(k, v);
        signIn(caller);
        const before = await snapshot();
        const result = await action(null, form);
        if (allowed) {
          expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
        } else {
          expect(result).toMatchObject({ ok: false });
          expect(result && !result.ok && result.error).toMatch(/signed out|role does not allow/);
          expect(await snapshot()).toEqual(before);
        }
      });
    }
  }
});
