import { DRIVE_TRANSITIONS } from "./drive-transitions.ts";
import { DERIVED_JOB_TRANSITIONS, JOB_TRANSITIONS } from "./job-transitions.ts";
import {
  DRIVE_STATE_DESCRIPTIONS,
  JOB_STATE_DESCRIPTIONS,
  type Actor,
  type DriveState,
  type JobState,
} from "./states.ts";

/**
 * The job and drive life cycles as graph facts, built from the transition tables themselves so
 * that the help page can never drift from the rules: each state with its description, and each
 * transition with its rule, who makes it and whether the job only follows its drives. Where the
 * states sit and how the edges are drawn is the diagram component's business
 * (components/diagrams/state-layout.ts).
 */

/** One row of a table, for one from-state. */
export type DiagramTransition = {
  event: string;
  when: string;
  actors: readonly Actor[];
  rule: string;
  /** The job follows its drives (DERIVED_JOB_TRANSITIONS): nobody asks for it. */
  derived: boolean;
};

/** One transition row: the states it leaves from, the state it reaches, and its facts. */
export type StateGraphRow<S extends string = string> = {
  from: readonly S[];
  to: S;
} & DiagramTransition;

export type StateGraph<S extends string = string> = {
  descriptions: Readonly<Record<S, string>>;
  rows: readonly StateGraphRow<S>[];
  /** Not states something is in ("Deleted"): the record is gone. */
  terminal: readonly S[];
};

export type JobDiagramState = JobState | "Deleted";

export const DELETED_DESCRIPTION =
  "Not a state: the job has been deleted, automatically by the sweep (R-J2, R-J11, R-J13) or by the customer's Delete Job.";

/** The job life cycle: JOB_TRANSITIONS and DERIVED_JOB_TRANSITIONS (R-J, R-E2, R-F). */
export function jobGraph(): StateGraph<JobDiagramState> {
  const rows: StateGraphRow<JobDiagramState>[] = [
    ...JOB_TRANSITIONS.map((t) => ({
      from: t.from,
      to: t.to,
      event: t.event,
      when: t.when,
      actors: t.actors,
      rule: t.rule,
      derived: false,
    })),
    ...DERIVED_JOB_TRANSITIONS.map((t) => ({
      from: [t.from],
      to: t.to,
      event: "followsDrives",
      when: t.when,
      actors: [],
      rule: t.rule,
      derived: true,
    })),
  ];
  return {
    descriptions: { ...JOB_STATE_DESCRIPTIONS, Deleted: DELETED_DESCRIPTION },
    rows,
    terminal: ["Deleted"],
  };
}

/** The drive life cycle: DRIVE_TRANSITIONS (R-D, R-J14, R-F). */
export function driveGraph(): StateGraph<DriveState> {
  const rows: StateGraphRow<DriveState>[] = DRIVE_TRANSITIONS.map((t) => ({
    from: t.from,
    to: t.to,
    event: t.event,
    when: t.when,
    actors: t.actors,
    rule: t.rule,
    derived: false,
  }));
  return {
    descriptions: DRIVE_STATE_DESCRIPTIONS,
    rows,
    terminal: [],
  };
}
