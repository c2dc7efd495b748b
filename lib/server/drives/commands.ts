/**
 * The drives' writers. Callers import them from here; the pieces live in `commands/`: a drive
 * event through the drive machine and the named commands over it (`events.ts`), a copy
 * station's progress report (`progress.ts`), a drive that arrives off the list (`arrival.ts`) and
 * a supervisor's look at a BitLocker key, recorded (`reveal-key.ts`).
 */
export {
  applyDriveEvent,
  changeDrive,
  faultDrive,
  finishDriveCopy,
  markDriveNeverReceived,
  receiveDrive,
  resolveDriveFault,
  shipDriveBack,
  startDriveCopy,
  type DriveChange,
  type DriveEventDetails,
} from "@/lib/server/drives/commands/events.ts";
export {
  reportDriveProgress,
  reportDriveProgressIn,
} from "@/lib/server/drives/commands/progress.ts";
export {
  recordArrivingDrive,
  recordArrivingDriveIn,
  type ArrivingDrive,
} from "@/lib/server/drives/commands/arrival.ts";
export { revealBitLockerKey, type RevealedKey } from "@/lib/server/drives/commands/reveal-key.ts";
