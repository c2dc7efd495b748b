/**
 * A large dataset for benchmarks (`npm run db:seed -- --jobs 10000`): jobs in every state with
 * drives consistent with them, written in bulk (createMany) rather than through the commands, so
 * that 10,000 jobs take seconds. Each job gets one `job.imported` event saying so.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "../lib/server/db.ts";
import type { Prisma } from "../lib/generated/prisma/client.ts";
import type { DriveState, JobState } from "../lib/generated/prisma/enums.ts";
import {
  CARRIERS,
  CUSTOMERS,
  driveSerial,
  returnAddressOf,
  seededRandom,
  trackingNumber,
} from "./demo-data.ts";

const DAY = 86_400_000;
// Small enough that each createMany is one statement (PostgreSQL takes at most 32,767 bind
// values; a larger batch is split by Prisma and its parts sent at once on the one connection).
const CHUNK = 500;

/** Share of each state in a busy datacenter, and the state its listed drives are in. */
const MIX: { state: JobState; weight: number; drives: DriveState[] }[] = [
  { state: "Creating", weight: 8, drives: ["Specified"] },
  { state: "Shipping", weight: 30, drives: ["Specified"] },
  { state: "Received", weight: 10, drives: ["Received"] },
  { state: "Transferring", weight: 12, drives: ["Transferring", "Completed", "Received"] },
  { state: "Packaging", weight: 6, drives: ["Completed"] },
  { state: "Completed", weight: 24, drives: ["ShippedBack"] },
  { state: "Closed", weight: 8, drives: ["ShippedBack"] },
  { state: "Faulted", weight: 2, drives: ["Received"] },
];

export async function seedBulkJobs(db: Db, count: number, now: Date): Promise<void> {
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000) {
    throw new Error("--jobs takes a whole number from 1 to 1,000,000");
  }
  const started = Date.now();
  const r = seededRandom(count);
  const customers = await Promise.all(
    CUSTOMERS.map((c) =>
      db.customer.upsert({
        where: { name: c.name },
        update: {},
        create: {
          name: c.name,
          contactName: c.contactName,
          contactEmail: c.contactEmail,
          contactPhone: c.contactPhone,
        },
      }),
    ),
  );
  const totalWeight = MIX.reduce((n, m) => n + m.weight, 0);
  const batch = randomUUID().slice(0, 6);
  let drives = 0;
  for (let offset = 0; offset < count; offset += CHUNK) {
    const jobs: Prisma.JobCreateManyInput[] = [];
    const jobDrives: Prisma.DriveCreateManyInput[] = [];
    const events: Prisma.EventCreateManyInput[] = [];
    for (let i = offset; i < Math.min(count, offset + CHUNK); i++) {
      let pick = r.int(1, totalWeight);
      const mix = MIX.find((m) => (pick -= m.weight) <= 0)!;
      const ci = r.int(0, CUSTOMERS.length - 1);
      const carrier = r.pick(CARRIERS);
      const changed = new Date(now.getTime() - r.int(0, 60) * DAY - r.int(0, DAY));
      const id = randomUUID();
      const shipped = mix.state !== "Creating";
      jobs.push({
        id,
        customerId: customers[ci]!.id,
        name: `bulk-${batch}-${String(i).padStart(7, "0")}`,
        type: "Import" as const,
        state: mix.state,
        storageAccount: `bulkstore${ci}`,
        deliveryCarrier: shipped ? carrier : null,
        deliveryTrackingNumber: shipped ? trackingNumber(r, carrier) : null,
        returnAddress: shipped ? returnAddressOf(CUSTOMERS[ci]!) : undefined,
        faultedFrom: mix.state === "Faulted" ? ("Received" as const) : null,
        faultReason: mix.state === "Faulted" ? "Hardware error" : null,
        hadErrors: mix.state === "Closed",
        percentComplete:
          mix.state === "Completed" || mix.state === "Closed"
            ? 100
            : mix.state === "Packaging"
              ? 100
              : mix.state === "Transferring"
                ? r.int(5, 95)
                : 0,
        stateChangedAt: changed,
        createdAt: new Date(changed.getTime() - r.int(1, 20) * DAY),
        shippingInfoAt: shipped ? changed : null,
      });
      const n = r.int(1, 10);
      for (let d = 0; d < n; d++) {
        const state = mix.drives[d % mix.drives.length]!;
        jobDrives.push({
          jobId: id,
          serial: `${driveSerial(r)}${d}`,
          state,
          percentComplete:
            state === "Completed" || state === "ShippedBack"
              ? 100
              : state === "Transferring"
                ? r.int(1, 99)
                : 0,
          stateChangedAt: changed,
        });
      }
      events.push({
        at: now,
        actorType: "system",
        actorLabel: "bulk seed",
        kind: "job.imported",
        jobId: id,
        toState: mix.state,
        reason: "Bulk dataset for benchmarks.",
      });
    }
    drives += jobDrives.length;
    // An interactive transaction, one statement after the other: the batch form makes the pg
    // adapter send queries on one client while another is running (deprecated in pg 8, an error in 9).
    await db.$transaction(
      async (tx) => {
        await tx.job.createMany({ data: jobs });
        await tx.drive.createMany({ data: jobDrives });
        await tx.event.createMany({ data: events });
      },
      { timeout: 60_000 },
    );
  }
  console.log(
    `Bulk data: ${count} jobs and ${drives} drives in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
}
