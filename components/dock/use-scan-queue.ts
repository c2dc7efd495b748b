"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { scanOutcome, type ScanOutcome } from "@/lib/dock-outcomes.ts";
import { normalizeDriveSerial, optimisticReception } from "@/lib/domain/index.ts";
import type { DockPackageView } from "@/lib/server/dock/queries.ts";
import { dockCall } from "./dock-api";
import type { PendingScan } from "./scan-log";

/**
 * The operator's scans, queued on the client and sent one at a time in order, however fast the
 * scanner fires (a server action per scan would serialize and re-render the page). Each scan has
 * its own id, so a retried request is applied once. Expected drives get their check at once
 * (optimistic); the next poll of the package reconciles it with what the server did.
 */
export function useScanQueue(
  packageId: string | null,
  override: boolean,
  show: (o: ScanOutcome) => void,
) {
  const queryClient = useQueryClient();
  const queue = useRef<PendingScan[]>([]);
  const running = useRef(false);
  const [pending, setPending] = useState<PendingScan[]>([]);
  const key = ["dock-package", packageId];

  const drain = useCallback(async () => {
    if (running.current || !packageId) return;
    running.current = true;
    while (queue.current.length > 0) {
      const scan = queue.current[0]!;
      const r = await dockCall<ScanOutcome>("/api/dock/scans", {
        packageId,
        code: scan.code,
        scanId: scan.scanId,
        supervisorOverride: override || undefined,
      });
      show(r.ok ? r.data : scanOutcome.error(scan.code, r.message));
      queue.current.shift();
      setPending([...queue.current]);
    }
    running.current = false;
    await queryClient.invalidateQueries({ queryKey: ["dock-package", packageId] });
  }, [packageId, override, queryClient, show]);

  const enqueue = useCallback(
    (code: string) => {
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
      queue.current.push({ scanId: crypto.randomUUID(), code });
      setPending([...queue.current]);
      void drain();
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- key is derived from packageId
    [packageId, drain, queryClient],
  );

  return { pending, enqueue };
}
