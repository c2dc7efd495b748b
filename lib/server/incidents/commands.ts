/**
 * The incidents' writers. Callers import them from here; the pieces live in `commands/`: an
 * incident opened by a rule or by hand (`open.ts`) and a recorded outcome (`outcomes.ts`), with
 * the drives it disposes of (`dispose-drives.ts`).
 */
export {
  openIncident,
  openIncidentByHand,
  openIncidentIn,
  type HandOpenedIncident,
  type NewIncident,
} from "@/lib/server/incidents/commands/open.ts";
export {
  recordIncidentOutcome,
  type OutcomeInput,
  type OutcomeResult,
} from "@/lib/server/incidents/commands/outcomes.ts";
