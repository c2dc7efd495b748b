"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type FormEvent,
} from "react";
import { classifyScan, mistypedTrackingNumber } from "@/lib/domain/scan-codes.ts";
import { scanOutcome, type ScanOutcome } from "@/lib/dock-outcomes.ts";
import { DEFAULT_SOUND_SETTINGS, soundFor } from "@/lib/dock/sounds.ts";
import type {
  AdvancedPackage,
  DockPackageView,
  ClosedPackageSummary,
  OpenedPackageView,
} from "@/lib/views/dock-floor.ts";
import { ExpectedDrives } from "./expected-drives";
import { OutcomeBanner } from "./outcome-banner";
import { ScanLog } from "./scan-log";
import { playSound, saveSoundSettings, soundSettings, subscribeSoundSettings } from "./dock-sounds";
import { ClosePackageDialog } from "./close-package-dialog";
import { ClosedSummary } from "./closed-summary";
import { ShortcutsSheet } from "./shortcuts-sheet";
import { SoundControls } from "./sound-controls";
import { useScannerCapture } from "./use-scanner-capture";
import { dockCall, DockUnavailableError } from "./dock-api";
import { OutageNotice } from "./outage-notice";
import { useScanQueue } from "./use-scan-queue";
import { PackageToolbar } from "./package-toolbar";
import { openedOutcome, type DockMode } from "./package-outcomes";
import { ModeSwitch, ScanField } from "./scan-field";
import { useDockShortcuts } from "./use-dock-shortcuts";

type Mode = DockMode;

export function DockConsole({
  initialMode,
  initialPackageId,
  canOverride,
}: {
  initialMode: Mode;
  initialPackageId: string | null;
  canOverride: boolean;
}) {
  const router = useRouter();
  // The page's own state, so the very next scan after opening or closing a package already
  // belongs to the right one; the URL follows, for a reload or another tab.
  const [mode, setMode] = useState<Mode>(initialMode);
  const [packageId, setPackageId] = useState<string | null>(initialPackageId);
  const queryClient = useQueryClient();
  const field = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<ScanOutcome | null>(null);
  const [override, setOverride] = useState(false);
  const [confirmClose, setConfirmClose] = useState(false);
  const [shortcuts, setShortcuts] = useState(false);
  // The package the next label closed, shown until the next scan.
  const [closedSummary, setClosedSummary] = useState<ClosedPackageSummary | null>(null);
  const sound = useSyncExternalStore(
    subscribeSoundSettings,
    soundSettings,
    () => DEFAULT_SOUND_SETTINGS,
  );

  const view = useQuery({
    queryKey: ["dock-package", packageId],
    queryFn: async () => {
      const r = await dockCall<DockPackageView>(`/api/dock/packages/${packageId}`);
      if (!r.ok)
        throw r.unavailable
          ? new DockUnavailableError(r.message, r.unavailable)
          : new Error(r.message);
      return r.data;
    },
    enabled: Boolean(packageId),
    // Other operators' scans on the same package show up within a few seconds.
    refetchInterval: 3_000,
  });

  const focusField = useCallback(() => requestAnimationFrame(() => field.current?.focus()), []);
  const show = useCallback((o: ScanOutcome) => {
    setOutcome(o);
    playSound(soundFor(o.kind));
  }, []);
  useScannerCapture(field, () => setShortcuts(true));

  const goTo = useCallback(
    (next: { mode?: Mode; packageId?: string | null }) => {
      const sp = new URLSearchParams();
      if ((next.mode ?? mode) === "ship") sp.set("mode", "ship");
      const pkg = next.packageId === undefined ? packageId : next.packageId;
      if (pkg) sp.set("package", pkg);
      setMode(next.mode ?? mode);
      setPackageId(pkg);
      router.replace(`/dock${sp.size ? `?${sp}` : ""}`, { scroll: false });
      focusField();
    },
    [mode, packageId, router, focusField],
  );

  const {
    pending,
    enqueue,
    outage: queueOutage,
    whenIdle,
  } = useScanQueue(packageId, override, show);
  const outage =
    queueOutage ?? (view.error instanceof DockUnavailableError ? view.error.unavailable : null);

  async function onScan(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = field.current;
    const code = input?.value.trim() ?? "";
    if (input) input.value = "";
    if (!code) return;
    setClosedSummary(null);
    const kind = classifyScan(code);
    if (!packageId) {
      if (kind.kind === "serial") {
        const label = mistypedTrackingNumber(code);
        return show(
          scanOutcome.error(
            code,
            label ?? "That is a drive serial: scan the package label (its tracking number) first.",
          ),
        );
      }
      const r = await dockCall<OpenedPackageView>("/api/dock/packages", {
        code,
        direction: mode === "ship" ? "Return" : "Inbound",
      });
      if (!r.ok) return show(scanOutcome.error(code, r.message));
      show(openedOutcome(r.data, mode));
      return goTo({ packageId: r.data.packageId });
    }
    if (kind.kind === "tracking") {
      if (mode === "ship")
        return show(
          scanOutcome.error(
            code,
            "That is a package label. Close this return package first (Alt+C), then scan the next one.",
          ),
        );
      // The next package's label: once this one's scans are answered, the server closes it if
      // every expected drive is in and opens the next, in one command.
      await whenIdle();
      const r = await dockCall<AdvancedPackage>(`/api/dock/packages/${packageId}/next`, { code });
      if (!r.ok) return show(scanOutcome.error(code, r.message));
      setClosedSummary(r.data.closed);
      if (r.data.closed) playSound("closed");
      show(openedOutcome(r.data.opened, mode, r.data.closed));
      return goTo({ packageId: r.data.opened.packageId });
    }
    enqueue(code);
  }

  async function undo() {
    const r = await dockCall<{ serial: string }>("/api/dock/scans/undo", { packageId });
    show(
      r.ok
        ? {
            kind: "undone",
            tone: "info",
            serial: r.data.serial,
            title: `Undone: ${r.data.serial}`,
            detail: "Your last scan was undone (recorded).",
          }
        : scanOutcome.error("", r.message),
    );
    await queryClient.invalidateQueries({ queryKey: ["dock-package", packageId] });
    focusField();
  }

  // The confirmation lists what the server will mark missing, as of now (not of the last poll).
  async function askToClose() {
    await view.refetch();
    setConfirmClose(true);
  }

  async function closePackage() {
    setConfirmClose(false);
    const r = await dockCall<{ neverReceived: string[] }>(
      `/api/dock/packages/${packageId}/close`,
      {},
    );
    if (!r.ok) return show(scanOutcome.error("", r.message));
    show({
      kind: "closed",
      tone: r.data.neverReceived.length ? "warning" : "success",
      serial: "",
      title: "Package closed",
      detail: r.data.neverReceived.length
        ? `Marked never received (R-D4): ${r.data.neverReceived.join(", ")}.`
        : "Every expected drive was in it.",
    });
    goTo({ packageId: null });
  }

  useDockShortcuts(packageId, { undo: () => void undo(), close: () => void askToClose() });
  useEffect(() => {
    focusField();
  }, [packageId, focusField]);

  const missing = view.data?.missing ?? [];

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div className="space-y-4">
        <ModeSwitch mode={mode} onChange={(m) => goTo({ mode: m, packageId: null })} />
        <ScanField ref={field} mode={mode} packageOpen={Boolean(packageId)} onScan={onScan} />
        <SoundControls settings={sound} onChange={saveSoundSettings} />
        {outage && <OutageNotice outage={outage} waiting={pending.length} />}
        <OutcomeBanner outcome={outcome} />
        {closedSummary && <ClosedSummary summary={closedSummary} />}
        {packageId && view.data && (
          <PackageToolbar
            view={view.data}
            showOverride={mode === "ship" && canOverride}
            override={override}
            onOverride={setOverride}
            onUndo={() => void undo()}
            onClose={() => void askToClose()}
          />
        )}
        {view.error && !outage && (
          <p role="alert" className="text-red-800">
            {view.error.message}
          </p>
        )}
        {view.data && <ExpectedDrives view={view.data} />}
      </div>
      <aside>{packageId && <ScanLog scans={view.data?.scans ?? []} pending={pending} />}</aside>
      <ShortcutsSheet
        open={shortcuts}
        onClose={() => {
          setShortcuts(false);
          focusField();
        }}
      />
      <ClosePackageDialog
        open={confirmClose}
        missing={missing}
        onConfirm={() => void closePackage()}
        onCancel={() => {
          setConfirmClose(false);
          focusField();
        }}
      />
    </div>
  );
}
