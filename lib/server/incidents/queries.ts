/**
 * The incidents' readers. Callers import them from here; the pieces live in `queries/`: the
 * queue with its counts (`queue.ts`) and one incident, the jobs one may be opened for by hand and
 * a destruction certificate (`detail.ts`).
 */
export {
  destructionCertificate,
  handOpenableJobs,
  incidentDetail,
  incidentsByIds,
  type IncidentDeadlineView,
  type IncidentItem,
  type JobOption,
} from "@/lib/server/incidents/queries/detail.ts";
export {
  incidentQueue,
  incidentsPageData,
  type IncidentQueue,
} from "@/lib/server/incidents/queries/queue.ts";
