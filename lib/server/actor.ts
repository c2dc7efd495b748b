import "server-only";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import type { Actor } from "@/lib/domain/index.ts";

/** Who asks for a change: recorded on every event, and mapped to the domain's actor for its rules. */
export type ActorRef =
  | { type: "user"; id: string; label: string; role: Role }
  | { type: "apiKey"; id: string; label: string; customerId: string }
  | { type: "station"; id: string; label: string }
  | { type: "sweep"; label: string }
  | { type: "system"; label: string };

/** A signed-in member of staff. */
export type UserActor = Extract<ActorRef, { type: "user" }>;

export const SWEEP: ActorRef = { type: "sweep", label: "sweep" };

/** The domain decides by actor kind; an admin acts with a supervisor's rights on jobs and drives. */
export function domainActor(actor: ActorRef): Actor {
  switch (actor.type) {
    case "user":
      return actor.role === "operator" ? "operator" : "supervisor";
    case "apiKey":
      return "customer";
    case "station":
      return "copyStation";
    case "sweep":
      return "sweep";
    case "system":
      // Seeding and maintenance scripts replay real transitions; they act as a supervisor.
      return "supervisor";
  }
}
