/**
 * The faults' readers. Callers import them from here; the pieces live in `queries/`: the queue,
 * its counts and one fault's page (`queue.ts`), over the faulted jobs and drives with the targets
 * the domain allows each (`items.ts`).
 */
export {
  faultableOnJob,
  faultItems,
  faultsQueue,
  type FaultContact,
  type FaultItem,
} from "@/lib/server/faults/queries/items.ts";
export {
  faultDetail,
  faultQueue,
  faultsPageData,
  notFaulted,
  type FaultQueue,
} from "@/lib/server/faults/queries/queue.ts";
