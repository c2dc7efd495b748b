import type { DockPackageView } from "@/lib/views/dock-floor.ts";

/** The open package, and what the operator can do with it (also on Alt+U and Alt+C). */
export function PackageToolbar({
  view,
  showOverride,
  override,
  onOverride,
  onUndo,
  onClose,
}: {
  view: DockPackageView;
  showOverride: boolean;
  override: boolean;
  onOverride: (value: boolean) => void;
  onUndo: () => void;
  onClose: () => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <p className="font-semibold">
        {view.direction === "Inbound" ? "Receiving" : "Shipping back in"} {view.carrier}{" "}
        <span className="font-mono">{view.trackingNumber}</span>
      </p>
      <button
        type="button"
        onClick={onUndo}
        className="rounded-md border border-slate-500 px-3 py-1.5 font-medium hover:bg-slate-100"
      >
        Undo last scan
      </button>
      <button
        type="button"
        onClick={onClose}
        className="rounded-md bg-slate-900 px-3 py-1.5 font-semibold text-white hover:bg-black"
      >
        Close package
      </button>
      {showOverride && (
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={override}
            onChange={(e) => onOverride(e.target.checked)}
          />
          Supervisor override: ship even if the copy is not finished
        </label>
      )}
    </div>
  );
}
