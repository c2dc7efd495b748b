/**
 * Demo data: customers, one login per role, and about 47 jobs in every state, each one driven
 * there through the real commands (so every job has a true history of events), with faults,
 * incidents, cancellations, a missing drive and extra drives; and two API keys with fixed values
 * (DEMO_STATION_KEY, DEMO_CUSTOMER_KEY in demo-data.ts) for the copy-station simulator and the Job API.
 *
 *   tsx --conditions=react-server prisma/seed.ts              the demo dataset (empty database only)
 *   tsx --conditions=react-server prisma/seed.ts --jobs 10000 a large dataset for benchmarks (bulk)
 */
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { databaseUrl } from "../lib/database-url.ts";
import { createDb, type Db } from "../lib/server/db.ts";
import type { CommandResult } from "../lib/server/command.ts";
import type { ActorRef } from "../lib/server/actor.ts";
import { createUser } from "../lib/server/users/commands.ts";
import {
  createJob,
  faultJob,
  cancelJob,
  markJobShipping,
  updateJobProperties,
} from "../lib/server/jobs/commands.ts";
import {
  faultDrive,
  finishDriveCopy,
  markDriveNeverReceived,
  receiveDrive,
  recordArrivingDrive,
  reportDriveProgress,
  shipDriveBack,
  startDriveCopy,
} from "../lib/server/drives/commands.ts";
import { closeDockPackage, openDockPackage } from "../lib/server/dock/commands.ts";
import { openIncident } from "../lib/server/incidents/commands.ts";
import { appendEvent } from "../lib/server/command.ts";
import { hashApiKey } from "../lib/server/api-keys/secret.ts";
import { createSite } from "../lib/server/sites/commands.ts";
import { SiteInput } from "../lib/validation/sites.ts";
import {
  CARRIERS,
  COPY_STATION_JOURNEY_JOB,
  CUSTOMERS,
  DEMO_API_KEYS,
  demoStep,
  DEMO_USERS,
  driveSerial,
  jobName,
  returnAddressOf,
  seededRandom,
  trackingNumber,
  type Random,
} from "./demo-data.ts";
import { seedBulkJobs } from "./seed-bulk.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function must<T>(r: CommandResult<T>, what: string): T {
  if (!r.ok) throw new Error(`seed: ${what}: ${r.error.message}`);
  return r.value;
}

type Target =
  | "Creating"
  | "Shipping"
  | "ShippingOverdue"
  | "Received"
  | "ReceivedMissingDrive"
  | "Transferring"
  | "TransferringFaultedDrive"
  | "Packaging"
  | "PackagingBadAddress"
  | "Completed"
  | "Closed"
  | "Faulted"
  | "CancelledInCreating"
  | "CancelledInShipping"
  | "ArrivedWhileCreating"
  /** Received, named and with serials fixed for the copy-station journey (e2e). */
  | "CopyStationJourney";

/**
 * 47 jobs: every state, and every situation a supervisor meets. New jobs go at the end: the e2e
 * journeys pick seeded jobs by state and name, and the seeded random stream makes the earlier ones.
 */
const PLAN: Target[] = [
  ...Array<Target>(4).fill("Creating"),
  "ArrivedWhileCreating",
  ...Array<Target>(8).fill("Shipping"),
  ...Array<Target>(2).fill("ShippingOverdue"),
  ...Array<Target>(3).fill("Received"),
  "ReceivedMissingDrive",
  ...Array<Target>(5).fill("Transferring"),
  ...Array<Target>(2).fill("TransferringFaultedDrive"),
  ...Array<Target>(3).fill("Packaging"),
  "PackagingBadAddress",
  ...Array<Target>(5).fill("Completed"),
  ...Array<Target>(3).fill("Closed"),
  ...Array<Target>(2).fill("Faulted"),
  "CancelledInCreating",
  "CancelledInShipping",
  // Work for the copy-station simulator: an import job (42) and an export job (43) Received.
  "Received",
  "Received",
  "CopyStationJourney",
  // More untouched import jobs in Shipping: each dock journey (e2e) takes one of its own.
  "Shipping",
  "Shipping",
];

/** How long ago each kind of job started, in days: old enough for its history, as on a real dock. */
const AGE: Record<Target, [number, number]> = {
  Creating: [0, 9],
  ArrivedWhileCreating: [3, 6],
  CancelledInCreating: [2, 8],
  Shipping: [2, 10],
  ShippingOverdue: [17, 24],
  CancelledInShipping: [6, 12],
  Received: [4, 6],
  CopyStationJourney: [4, 6],
  ReceivedMissingDrive: [4, 6],
  Transferring: [5, 8],
  TransferringFaultedDrive: [5, 8],
  Faulted: [6, 9],
  Packaging: [8, 12],
  PackagingBadAddress: [9, 12],
  Completed: [12, 70],
  Closed: [12, 80],
};

type Actors = { operators: ActorRef[]; supervisor: ActorRef; station: ActorRef; sweep: ActorRef };

async function seedUsers(db: Db, now: Date): Promise<Actors> {
  const system: ActorRef = { type: "system", label: "demo seed" };
  const users: ActorRef[] = [];
  for (const u of DEMO_USERS) {
    const existing = await db.user.findUnique({ where: { email: u.email } });
    const id =
      existing?.id ?? must(await createUser(db, system, { ...u }, now), `user ${u.email}`).id;
    users.push({ type: "user", id, label: u.name, role: u.role });
  }
  return {
    operators: users.filter((u) => u.type === "user" && u.role === "operator"),
    supervisor: users.find((u) => u.type === "user" && u.role === "supervisor")!,
    station: { type: "station", id: "demo-station-cs01", label: "Copy station CS-01" },
    sweep: { type: "sweep", label: "sweep" },
  };
}

async function seedJob(
  db: Db,
  r: Random,
  actors: Actors,
  index: number,
  target: Target,
  now: Date,
) {
  const c = CUSTOMERS[index % CUSTOMERS.length]!;
  const customer = await db.customer.findUniqueOrThrow({ where: { name: c.name } });
  const asCustomer: ActorRef = {
    type: "apiKey",
    id: `demo-key-${customer.id}`,
    label: c.name,
    customerId: customer.id,
  };
  const operator = actors.operators[index % actors.operators.length]!;
  const journey = target === "CopyStationJourney";
  const exportJob =
    index % 5 === 3 &&
    !["ArrivedWhileCreating", "ReceivedMissingDrive", "CopyStationJourney"].includes(target);
  const [minAge, maxAge] = AGE[target];
  let t =
    now.getTime() -
    (minAge * DAY + r.int(0, (maxAge - minAge) * 24) * HOUR) -
    r.int(0, 59) * 60_000;
  // Every step moves the clock on, but never to the moment of seeding or past it: a step that would
  // go there takes half of what is left instead, so a long history bunches up just before `now`
  // and stays in order (the demo never shows a change that has not happened yet).
  const at = (advanceHours = 0) => new Date((t = demoStep(t, advanceHours * HOUR, now)));
  const drawnCount = r.int(1, 10);
  const drawn = Array.from({ length: drawnCount }, () => driveSerial(r));
  const serials: string[] = journey ? [...COPY_STATION_JOURNEY_JOB.serials] : drawn;
  const driveCount = serials.length;
  const carrier = r.pick(CARRIERS);
  const tracking = trackingNumber(r, carrier);

  const jobId = must(
    await createJob(
      db,
      asCustomer,
      {
        customerId: customer.id,
        name: journey ? COPY_STATION_JOURNEY_JOB.name : jobName(r, c, index),
        type: exportJob ? "Export" : "Import",
        storageAccount: `${c.name.split(" ")[0]!.toLowerCase()}store${r.int(1, 9)}`,
        logLevel: r.next() < 0.3 || journey ? "Verbose" : "Error",
        backupDriveManifest: r.next() < 0.5,
        ...(exportJob
          ? {
              exportBlobList: [
                `/${r.pick(["backups", "media", "archive"])}/`,
                `/logs/${2025 + r.int(0, 1)}/`,
              ],
            }
          : {
              drives: serials.map((serial) => ({
                serial,
                bitLockerKey: Array.from({ length: 8 }, () =>
                  String(r.int(0, 999999)).padStart(6, "0"),
                ).join("-"),
                manifestFile: `\\DriveManifest.xml`,
                manifestHash: r.chars("0123456789ABCDEF", 32),
                driveHeaderHash: r.chars("0123456789ABCDEF", 64),
              })),
            }),
      },
      at(),
    ),
    `job ${index}`,
  ).id;

  if (target === "CancelledInCreating") {
    must(
      await cancelJob(
        db,
        asCustomer,
        jobId,
        "Customer chose to upload over the network instead.",
        at(r.int(5, 30)),
      ),
      "cancel",
    );
    return;
  }
  if (target === "Creating" && r.next() < 0.5) {
    must(
      await updateJobProperties(
        db,
        asCustomer,
        jobId,
        { returnAddress: returnAddressOf(c) },
        at(r.int(2, 20)),
      ),
      "update",
    );
  }
  if (target === "Creating") return;

  must(
    await updateJobProperties(
      db,
      asCustomer,
      jobId,
      {
        deliveryPackage: {
          carrierName: carrier,
          trackingNumber: tracking,
          driveCount: exportJob ? driveCount : serials.length,
          shipDate: at(r.int(4, 20)),
        },
        returnAddress: returnAddressOf(c),
        returnShipping: { carrierName: carrier, carrierAccountNumber: r.chars("0123456789", 9) },
      },
      at(0.5),
    ),
    "delivery package",
  );

  if (target === "ArrivedWhileCreating") {
    // R-E1: the drives came before the customer moved the job to Shipping.
    const pkg = must(
      await openDockPackage(
        db,
        operator,
        { code: tracking, direction: "Inbound" },
        at(r.int(48, 72)),
      ),
      "package",
    );
    must(
      await openIncident(
        db,
        operator,
        {
          kind: "JobNotShipping",
          jobId,
          packageId: pkg.packageId,
          summary: `${serials.length} drive(s) arrived in ${carrier} ${tracking} while the job is still Creating.`,
        },
        at(0.2),
      ),
      "incident R-E1",
    );
    return;
  }

  must(await markJobShipping(db, asCustomer, jobId, at(1)), "shipping");
  if (target === "CancelledInShipping") {
    must(
      await cancelJob(
        db,
        actors.supervisor,
        jobId,
        "Customer asked to cancel after the package left.",
        at(r.int(10, 30)),
      ),
      "cancel",
    );
  }
  if (target === "Shipping") return;
  if (target === "ShippingOverdue") {
    must(
      await openIncident(
        db,
        actors.sweep,
        {
          kind: "PackageOverdue",
          jobId,
          summary: `Package ${carrier} ${tracking} has not arrived 14 days after shipping.`,
        },
        at(14 * 24 + 1),
      ),
      "incident R-E2",
    );
    return;
  }

  // The package arrives at the dock.
  const inbound = must(
    await openDockPackage(
      db,
      operator,
      { code: tracking, direction: "Inbound" },
      at(r.int(40, 90)),
    ),
    "package",
  ).packageId;
  if (index % 7 === 2 && !journey) {
    // R-E5, R-D11: a drive in the package that is not on the job's list, found while unpacking.
    const extra = must(
      await recordArrivingDrive(
        db,
        operator,
        { jobId, serial: driveSerial(r), kind: "extraDrive", packageId: inbound },
        at(0.02),
      ),
      "extra drive",
    );
    must(
      await openIncident(
        db,
        operator,
        {
          kind: "ExtraDrive",
          jobId,
          driveId: extra.driveId,
          packageId: inbound,
          summary: `Drive ${extra.serial} is not on the job's drive list.`,
        },
        at(0.01),
      ),
      "incident R-E5",
    );
  }
  const drives = exportJob
    ? []
    : await db.drive.findMany({
        where: { jobId, extra: false },
        orderBy: { createdAt: "asc" },
        select: { id: true, serial: true },
      });
  if (exportJob) {
    for (const serial of serials) {
      const d = must(
        await recordArrivingDrive(
          db,
          operator,
          { jobId, serial, kind: "exportDrive", packageId: inbound },
          at(0.02),
        ),
        "export drive",
      );
      drives.push({ id: d.driveId, serial });
    }
  } else {
    const missing =
      target === "ReceivedMissingDrive" && drives.length > 1 ? drives.pop() : undefined;
    for (const d of drives)
      must(
        await receiveDrive(db, operator, d.id, at(0.02), { packageId: inbound }),
        `receive ${d.serial}`,
      );
    if (missing)
      must(await markDriveNeverReceived(db, operator, missing.id, at(0.3)), "never received");
  }
  must(await closeDockPackage(db, operator, inbound, at(0.1)), "close package");
  if (["Received", "ReceivedMissingDrive", "CopyStationJourney"].includes(target)) return;

  if (target !== "CancelledInShipping") {
    const finishAll = !["Transferring", "TransferringFaultedDrive", "Faulted"].includes(target);
    for (const [i, d] of drives.entries()) {
      must(await startDriveCopy(db, actors.station, d.id, at(r.int(1, 6))), `copy ${d.serial}`);
      if (finishAll || i < Math.floor(drives.length / 2)) {
        const issues = target === "Closed" && i === 0;
        must(
          await finishDriveCopy(
            db,
            actors.station,
            d.id,
            { errors: issues ? r.int(1, 40) : 0, warnings: issues ? r.int(0, 5) : 0 },
            at(r.int(3, 20)),
            {
              errorLogUri: `https://${customerSlug(c.name)}store.blob.core.example/importlogs/${d.serial}_error.xml`,
              ...(r.next() < 0.3
                ? {
                    verboseLogUri: `https://${customerSlug(c.name)}store.blob.core.example/importlogs/${d.serial}_verbose.xml`,
                  }
                : {}),
            },
          ),
          `finish ${d.serial}`,
        );
      } else {
        must(
          await reportDriveProgress(
            db,
            actors.station,
            d.id,
            { percent: r.int(5, 95), bytesTransferred: BigInt(r.int(10, 900)) * 1_000_000_000n },
            at(r.int(1, 4)),
          ),
          "progress",
        );
      }
    }
    if (target === "TransferringFaultedDrive") {
      const last = drives[drives.length - 1]!;
      must(
        await faultDrive(
          db,
          operator,
          last.id,
          r.pick(["BitLocker unlock failed", "Disk corrupted", "Unsupported disk"]),
          at(1),
        ),
        "fault drive",
      );
    }
    if (target === "Faulted") {
      must(
        await faultJob(
          db,
          actors.supervisor,
          jobId,
          r.pick(["Storage account not accessible", "Manifest file error"]),
          at(2),
        ),
        "fault job",
      );
      return;
    }
    if (target === "Transferring" || target === "TransferringFaultedDrive") return;
  }
  if (target === "PackagingBadAddress") {
    must(
      await openIncident(
        db,
        operator,
        {
          kind: "ReturnAddressInvalid",
          jobId,
          summary: "The carrier rejected the return address: no such street in the postal code.",
        },
        at(2),
      ),
      "incident R-E4",
    );
  }
  if (target === "Packaging" || target === "PackagingBadAddress") return;

  const returnTracking = trackingNumber(r, carrier);
  const ret = must(
    await openDockPackage(
      db,
      operator,
      { code: returnTracking, direction: "Return" },
      at(r.int(12, 40)),
    ),
    "return package",
  ).packageId;
  for (const d of drives)
    must(
      await shipDriveBack(db, operator, d.id, at(0.02), { packageId: ret }),
      `ship back ${d.serial}`,
    );
  const extras = await db.drive.findMany({ where: { jobId, extra: true }, select: { id: true } });
  for (const d of extras)
    must(await shipDriveBack(db, operator, d.id, at(0.02), { packageId: ret }), "ship back extra");
  must(await closeDockPackage(db, operator, ret, at(0.1)), "close return package");
}

/**
 * The demo's API keys, with the fixed values of demo-data.ts, stored as any key is: the prefix in
 * the clear, the whole key only as its hash. Each one is recorded as issued, as an admin's would be.
 */
async function seedApiKeys(db: Db, now: Date) {
  const system: ActorRef = { type: "system", label: "demo seed" };
  for (const demo of DEMO_API_KEYS) {
    const prefix = demo.key.split("_")[1]!;
    if (await db.apiKey.findUnique({ where: { prefix } })) continue;
    const customerId = demo.customer
      ? (await db.customer.findUniqueOrThrow({ where: { name: demo.customer } })).id
      : null;
    const row = await db.apiKey.create({
      data: {
        kind: demo.kind,
        name: demo.name,
        prefix,
        keyHash: hashApiKey(demo.key),
        customerId,
        createdAt: now,
      },
    });
    await appendEvent(db, {
      actor: system,
      at: now,
      kind: "apiKey.issued",
      data: { apiKeyId: row.id, kind: row.kind, name: row.name, prefix, customerId },
    });
  }
}

/** The demo datacenter's site (Locations): where jobs made through the Job API ship to. */
async function seedSite(db: Db, now: Date) {
  if ((await db.site.count()) > 0) return;
  const system: ActorRef = { type: "system", label: "demo seed" };
  const site = SiteInput.parse({
    name: "Harbor Point",
    recipientName: "Dockside Receiving, Harbor Point",
    streetAddress1: "400 Quay Street, Dock 3",
    city: "Oakland",
    stateOrProvince: "CA",
    postalCode: "94607",
    countryOrRegion: "USA",
    phone: "+1 510 555 0140",
    additionalShippingInformation: "Write the job name on the outside of every package.",
    supportedCarriers: "UPS, FedEx, DHL, USPS",
  });
  must(await createSite(db, system, site, now), "demo site");
}

function customerSlug(name: string) {
  return name.split(" ")[0]!.toLowerCase();
}

/** The demo dataset, into an empty database; a database that has jobs is left as it is. */
export async function seedDemo(db: Db) {
  const now = new Date();
  if ((await db.job.count()) > 0) {
    console.log(
      "The database already has jobs: demo data not added (npm run db:reset starts over).",
    );
    return;
  }
  const r = seededRandom(20261124);
  for (const c of CUSTOMERS) {
    await db.customer.upsert({
      where: { name: c.name },
      update: {},
      create: {
        name: c.name,
        contactName: c.contactName,
        contactEmail: c.contactEmail,
        contactPhone: c.contactPhone,
      },
    });
  }
  const actors = await seedUsers(db, now);
  await seedApiKeys(db, now);
  await seedSite(db, now);
  for (const [i, target] of PLAN.entries()) await seedJob(db, r, actors, i, target, now);
  // The seeded history happened "before now": nobody is emailed about it today. Its notices are
  // marked as handled, so the mail catcher and the webhooks see only what is done in the demo.
  await db.notice.updateMany({ where: { fannedOutAt: null }, data: { fannedOutAt: now } });
  const byState = await db.job.groupBy({ by: ["state"], _count: { _all: true } });
  console.log(
    `Demo data: ${PLAN.length} jobs (${byState.map((g) => `${g.state} ${g._count._all}`).join(", ")}).`,
  );
  console.log(
    `Demo API keys (demo databases only): copy station ${DEMO_API_KEYS[0].key}; ${DEMO_API_KEYS[1].customer} ${DEMO_API_KEYS[1].key}.`,
  );
}

async function main() {
  const { values } = parseArgs({ options: { jobs: { type: "string" } } });
  const db = createDb(databaseUrl());
  try {
    if (values.jobs) await seedBulkJobs(db, Number(values.jobs), new Date());
    else await seedDemo(db);
  } finally {
    await db.$disconnect();
  }
}

// Run as a script (`tsx prisma/seed.ts`), not when a test imports seedDemo.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
