import "server-only";
import { csvLine } from "@/lib/csv/csv.ts";
import type { Db } from "@/lib/server/db.ts";
import { jobIdsPage, jobRowsByIds, type Keyset } from "@/lib/server/jobs/queries/list.ts";
import type { JobListParams } from "@/lib/validation/list-params.ts";

/** Rows per batch: one keyset query and one load each, while the client reads the last. */
export const CSV_BATCH = 500;

const HEADER = [
  "Job",
  "Customer",
  "Type",
  "State",
  "Cancelled",
  "Percent complete",
  "Drives listed",
  "Drives at the datacenter",
  "Drives shipped back",
  "Drives faulted",
  "Extra drives",
  "Delivery tracking number",
  "Created (UTC)",
  "Last change (UTC)",
];

/**
 * The filtered jobs list as CSV, streamed: the header, then batches walked with keyset
 * pagination in the list's own order (never an OFFSET, so the thousandth batch costs what the
 * first does), each batch read only when the client has taken the previous one. Times are ISO
 * 8601 in UTC, for machines.
 */
export function jobsCsvStream(
  db: Db,
  filter: Omit<JobListParams, "page">,
  batch = CSV_BATCH,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: Keyset | null = null;
  let started = false;
  let done = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(csvLine(HEADER)));
          return;
        }
        if (done) {
          controller.close();
          return;
        }
        const { ids, next } = await jobIdsPage(db, filter, { after, limit: batch });
        const rows = await jobRowsByIds(db, ids);
        const text = rows
          .map((r) =>
            csvLine([
              r.name,
              r.customerName,
              r.type,
              r.state,
              r.cancelRequested ? "yes" : "no",
              r.percentComplete,
              r.drives.total,
              r.drives.atDatacenter,
              r.drives.shippedBack,
              r.drives.faulted,
              r.extraDrives,
              r.deliveryTrackingNumber,
              r.createdAt.toISOString(),
              r.stateChangedAt.toISOString(),
            ]),
          )
          .join("");
        if (text) controller.enqueue(encoder.encode(text));
        after = next;
        if (!next) done = true;
      },
    },
    { highWaterMark: 1 },
  );
}

/** dockside-jobs-2026-12-02.csv: the day it was made (UTC). */
export function csvFileName(now: Date): string {
  return `dockside-jobs-${now.toISOString().slice(0, 10)}.csv`;
}
