/**
 * The receiving dock's scan rules. Callers import them from here; the pieces live in
 * `dock-scan/`: what a scan of a serial means in the open package (`plan.ts`, also the dock
 * page's optimistic guess), whether a package takes scans at all (`package.ts`, R-D4 and R-D9),
 * drives held for their job and the incidents their reception settles (`holds.ts`, R-E1), and
 * undoing one's own last scan (`undo.ts`).
 */
export {
  contestedHoldSummary,
  isAtDatacenter,
  optimisticReception,
  planDriveScan,
  type DockScanPlan,
  type DriveClaim,
  type DriveOnRecord,
  type PackageJob,
} from "./dock-scan/plan.ts";
export { scanIntoPackage } from "./dock-scan/package.ts";
export { holdIncidentsSettledByReception, isHeldForJob } from "./dock-scan/holds.ts";
export { canUndoScan, UNDO_WINDOW_MINUTES } from "./dock-scan/undo.ts";
