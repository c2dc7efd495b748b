/**
 * The dock's writers. Callers import them from here; the pieces live in `commands/`: a package
 * opened, closed or advanced to the next (`packages.ts`, `advance.ts`), a drive scanned into one
 * (`scan/`, the hot path, in its own SQL) and the last scan undone (`undo.ts`).
 */
export {
  closeDockPackage,
  openDockPackage,
  openPackageIn,
  scanDriveIn,
  scanDriveOut,
  type OpenedPackage,
} from "@/lib/server/dock/commands/packages.ts";
export { advanceDockPackage } from "@/lib/server/dock/commands/advance.ts";
export { undoLastScan } from "@/lib/server/dock/commands/undo.ts";
export {
  KEY_REUSED_MESSAGE,
  scanDrive,
  type ScanHooks,
  type ScanRequest,
  type Scanner,
  type ScanSession,
} from "@/lib/server/dock/commands/scan/index.ts";
