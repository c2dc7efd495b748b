// Builders shared by the domain tests (not exported by index.ts, not shipped with the app).
import type { DriveSnapshot, JobContext } from "./drive-transitions.ts";
import type { JobDrive, JobSnapshot } from "./job-snapshot.ts";
import type { Decision } from "./refusal.ts";
import { ACTORS, type Actor, type DriveState, type JobState } from "./states.ts";
import { DAY_MS } from "./timers.ts";

export const NOW = new Date("2026-03-15T12:00:00.000Z");

/** `days` after NOW (negative: before). */
export function daysFromNow(days: number, ms = 0): Date {
  return new Date(NOW.getTime() + days * DAY_MS + ms);
}

export function drives(...states: DriveState[]): JobDrive[] {
  return states.map((state) => ({ state, extra: false }));
}

export function extra(state: DriveState): JobDrive {
  return { state, extra: true };
}

/** An import job with its delivery package and return address set, long past every timer. */
export function jobSnapshot(overrides: Partial<JobSnapshot> = {}): JobSnapshot {
  return {
    type: "Import",
    state: "Shipping",
    faultedFrom: null,
    cancelRequested: false,
    hasDeliveryPackage: true,
    hasReturnAddress: true,
    hadErrors: false,
    drives: drives("Specified", "Specified"),
    stateChangedAt: daysFromNow(-100),
    creatingTimerStartedAt: daysFromNow(-100),
    shippingInfoAt: daysFromNow(-100),
    ...overrides,
  };
}

/** A drive's view of its job. */
export function inJob(state: JobState, cancelRequested = false): { job: JobContext } {
  return { job: { type: "Import", state, cancelRequested } };
}

export function driveSnapshot(state: DriveState, more: Partial<DriveSnapshot> = {}): DriveSnapshot {
  return { state, faultedFrom: null, extra: false, ...more };
}

/** The target state of an allowed decision, or the refusal code. */
export function outcome(d: Decision<{ to: string }>): string {
  return d.ok ? d.value.to : d.refusal.code;
}

export function ruleOf(d: Decision<unknown>): string | null {
  return d.ok ? null : (d.refusal.rule ?? null);
}

export function message(d: Decision<unknown>): string {
  return d.ok ? "" : d.refusal.message;
}

/** One row of a state machine's expected table: event, state, rule, then one cell per actor. */
export type MachineRow<S extends string> = {
  event: string;
  state: S;
  rule: string;
  cells: Record<Actor, string>;
};

/** Reads a whitespace-aligned expected table (one row per line); a short row is an error. */
export function parseMachineTable<S extends string>(table: string): MachineRow<S>[] {
  return table
    .trim()
    .split("\n")
    .map((line) => {
      const [event, state, rule, ...cells] = line.trim().split(/\s+/);
      if (!event || !state || !rule || cells.length !== ACTORS.length)
        throw new Error(`bad row: ${line}`);
      return {
        event,
        state: state as S,
        rule,
        cells: Object.fromEntries(ACTORS.map((a, i) => [a, cells[i]])) as Record<Actor, string>,
      };
    });
}
