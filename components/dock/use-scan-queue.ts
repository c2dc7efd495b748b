"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { scanOutcome, type ScanOutcome } from "@/lib/dock-outcomes.ts";
import { normalizeDriveSerial, optimisticReception } from "@/lib/domain/index.ts";
import type { DockPackageView } from "@/lib/views/dock-floor.ts";
import { dockCall, type Unavailable } from "./dock-api";
import type { PendingScan } from "./scan-log";

type QueuedScan = PendingScan & { packageId: string; override: boolean; confirmExtra?: boolean };

/** How long to wait before sending again while the server or its database does not answer. */
export function retryDelayMs(attempt: number, retryAfterSeconds?: number): number {
  const backoff = Math.min(15_000, 1_000 * 2 ** Math.min(attempt, 4));
  return retryAfterSeconds ? Math.min(15_000, retryAfterSeconds * 1000) : backoff;
}

/**
 * The operator's scans, queued on the client and sent one at a time in order, however fast the
 * scanner fires (a server action per scan would serialize and re-render the page). Each scan has
 * its own id, so a retried request is applied once. Expected drives get their check at once
 * (optimistic); the next poll of the package reconciles it with what the server did.
 *
 * When the database (503) or the network does not answer, the scan stays at the head of the queue
 * and is sent again, with the same id, until it is answered: `outage` says why it waits.
 */
export function useScanQueue(
  packageId: string | null,
  override: boolean,
  show: (o: ScanOutcome) => void,
) {
  const queryClient = useQueryClient();
  const queue = useRef<QueuedScan[]>([]);
  const running = useRef(false);
  const [pending, setPending] = useState<PendingScan[]>([]);
  const [outage, setOutage] = useState<Unavailable | null>(null);
  const idle = useRef<(() => void)[]>([]);
  /**
   * The serial the last answer asked about ("did you mean ...?", "mistyped label?") and its
   * package: the very next scan, if it is that serial again, confirms it (R-E5). Decided when the
   * scan is sent, in queue order, so only a scan right after the question confirms.
   */
  const asked = useRef<{ packageId: string; serial: string } | null>(null);
  const key = ["dock-package", packageId];

  const drain = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    const sent = new Set<string>();
    let attempt = 0;
    while (queue.current.length > 0) {
      const scan = queue.current[0]!;
      const serial = normalizeDriveSerial(scan.code);
      scan.confirmExtra ??=
        serial.ok &&
        asked.current?.packageId === scan.packageId &&
        asked.current.serial === serial.value.serial;
      const r = await dockCall<ScanOutcome>("/api/dock/scans", {
        packageId: scan.packageId,
        code: scan.code,
        scanId: scan.scanId,
        supervisorOverride: scan.override || undefined,
        confirmExtra: scan.confirmExtra || undefined,
      });
      if (!r.ok && r.unavailable) {
        setOutage(r.unavailable);
        await new Promise((resolve) =>
          setTimeout(resolve, retryDelayMs(attempt++, r.retryAfterSeconds)),
        );
        continue;
      }
      attempt = 0;
      setOutage(null);
      asked.current =
        r.ok && r.data.confirmSerial
          ? { packageId: scan.packageId, serial: r.data.confirmSerial }
          : null;
      show(r.ok ? r.data : scanOutcome.error(scan.code, r.message));
      sent.add(scan.packageId);
      queue.current.shift();
      setPending([...queue.current]);
    }
    running.current = false;
    for (const resolve of idle.current.splice(0)) resolve();
    for (const id of sent) await queryClient.invalidateQueries({ queryKey: ["dock-package", id] });
  }, [queryClient, show]);

  /** Resolves once every queued scan has its answer (before the next label is sent). */
  const whenIdle = useCallback(
    () =>
      running.current || queue.current.length > 0
        ? new Promise<void>((resolve) => idle.current.push(resolve))
        : Promise.resolve(),
    [],
  );

  const enqueue = useCallback(
    (code: string) => {
      if (!packageId) return;
      const parsed = normalizeDriveSerial(code);
      queryClient.setQueryData<DockPackageView>(key, (current) => {
        if (current?.direction !== "Inbound" || !parsed.ok) return current;
        const received = optimisticReception(current.jobs, parsed.value.serial);
        if (!received) return current;
        return {
          ...current,
          jobs: current.jobs.map((j) => ({
            ...j,
            drives: j.drives.map((d) =>
              d.id === received ? { ...d, state: "Received" as const, inThisPackage: true } : d,
            ),
          })),
        };
      });
      queue.current.push({ scanId: crypto.randomUUID(), code, packageId, override });
      setPending([...queue.current]);
      void drain();
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- key is derived from packageId
    [packageId, override, drain, queryClient],
  );

  return { pending, enqueue, outage, whenIdle };
}
