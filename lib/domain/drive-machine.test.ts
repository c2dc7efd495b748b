import { describe, expect, it } from "vitest";
import { decideDriveEvent } from "./drive-machine.ts";
import type { DriveEvent, DriveSnapshot, JobContext } from "./drive-transitions.ts";
import { parseMachineTable, type MachineRow } from "./fixtures.test-support.ts";
import type { Decision } from "./refusal.ts";
import { ACTORS, DRIVE_STATES, type DriveState } from "./states.ts";

/**
 * EVERY drive state x EVERY drive event x EVERY actor, against a table written by hand from
 * docs/domain.md (not from DRIVE_TRANSITIONS). Each drive sits in the job where it normally lives.
 * A cell is the state the drive moves to, or the refusal code.
 */
const JOB_OF: Record<DriveState, JobContext> = {
  Specified: { type: "Import", state: "Shipping", cancelRequested: false },
  Received: { type: "Import", state: "Received", cancelRequested: false },
  NeverReceived: { type: "Import", state: "Shipping", cancelRequested: false },
  Transferring: { type: "Import", state: "Transferring", cancelRequested: false },
  Completed: { type: "Import", state: "Packaging", cancelRequested: false },
  CompletedMoreInfo: { type: "Import", state: "Packaging", cancelRequested: false },
  ShippedBack: { type: "Import", state: "Packaging", cancelRequested: false },
  Faulted: { type: "Import", state: "Received", cancelRequested: false },
};

const EVENTS: Record<string, DriveEvent> = {
  receive: { type: "receive" },
  markNeverReceived: { type: "markNeverReceived" },
  startCopy: { type: "startCopy" },
  finishCopy: { type: "finishCopy", errors: 0, warnings: 0 },
  shipBack: { type: "shipBack" },
  fault: { type: "fault", reason: "Drive label unreadable" },
  resolveFault: { type: "resolveFault", to: "Received" },
};

// columns: event, drive state, rule, then one cell per actor in ACTORS order
// (customer, operator, supervisor, copyStation, sweep). The Faulted drive faulted from Received.
const EXPECTED = `
receive           Specified          R-D3   forbidden_actor  Received            Received            forbidden_actor     forbidden_actor
receive           Received           R-D3   forbidden_actor  already_in_state    already_in_state    forbidden_actor     forbidden_actor
receive           NeverReceived      R-D10  forbidden_actor  Received            Received            forbidden_actor     forbidden_actor
receive           Transferring       R-D3   forbidden_actor  illegal_transition  illegal_transition  forbidden_actor     forbidden_actor
receive           Completed          R-D3   forbidden_actor  illegal_transition  illegal_transition  forbidden_actor     forbidden_actor
receive           CompletedMoreInfo  R-D3   forbidden_actor  illegal_transition  illegal_transition  forbidden_actor     forbidden_actor
receive           ShippedBack        R-D3   forbidden_actor  illegal_transition  illegal_transition  forbidden_actor     forbidden_actor
receive           Faulted            R-D3   forbidden_actor  illegal_transition  illegal_transition  forbidden_actor     forbidden_actor
markNeverReceived Specified          R-D4   forbidden_actor  NeverReceived       NeverReceived       forbidden_actor     NeverReceived
markNeverReceived Received           R-D4   forbidden_actor  illegal_transition  illegal_transition  forbidden_actor     illegal_transition
markNeverReceived NeverReceived      R-D5   forbidden_actor  already_in_state    already_in_state    forbidden_actor     already_in_state
markNeverReceived Transferring       R-D4   forbidden_actor  illegal_transition  illegal_transition  forbidden_actor     illegal_transition
markNeverReceived Completed          R-D4   forbidden_actor  illegal_transition  illegal_transition  forbidden_actor     illegal_transition
markNeverReceived CompletedMoreInfo  R-D4   forbidden_actor  illegal_transition  illegal_transition  forbidden_actor     illegal_transition
markNeverReceived ShippedBack        R-D4   forbidden_actor  illegal_transition  illegal_transition  forbidden_actor     illegal_transition
markNeverReceived Faulted            R-D4   forbidden_actor  illegal_transition  illegal_transition  forbidden_actor     illegal_transition
startCopy         Specified          R-D6   forbidden_actor  forbidden_actor     forbidden_actor     illegal_transition  forbidden_actor
startCopy         Received           R-D6   forbidden_actor  forbidden_actor     forbidden_actor     Transferring        forbidden_actor
startCopy         NeverReceived      R-D6   forbidden_actor  forbidden_actor     forbidden_actor     illegal_transition  forbidden_actor
startCopy         Transferring       R-D6   forbidden_actor  forbidden_actor     forbidden_actor     already_in_state    forbidden_actor
startCopy         Completed          R-D6   forbidden_actor  forbidden_actor     forbidden_actor     illegal_transition  forbidden_actor
startCopy         CompletedMoreInfo  R-D6   forbidden_actor  forbidden_actor     forbidden_actor     illegal_transition  forbidden_actor
startCopy         ShippedBack        R-D6   forbidden_actor  forbidden_actor     forbidden_actor     illegal_transition  forbidden_actor
startCopy         Faulted            R-D6   forbidden_actor  forbidden_actor     forbidden_actor     illegal_transition  forbidden_actor
finishCopy        Specified          R-D7   forbidden_actor  forbidden_actor     forbidden_actor     illegal_transition  forbidden_actor
finishCopy        Received           R-D7   forbidden_actor  forbidden_actor     forbidden_actor     illegal_transition  forbidden_actor
finishCopy        NeverReceived      R-D7   forbidden_actor  forbidden_actor     forbidden_actor     illegal_transition  forbidden_actor
finishCopy        Transferring       R-D7   forbidden_actor  forbidden_actor     forbidden_actor     Completed           forbidden_actor
finishCopy        Completed          R-D7   forbidden_actor  forbidden_actor     forbidden_actor     already_in_state    forbidden_actor
finishCopy        CompletedMoreInfo  R-D8   forbidden_actor  forbidden_actor     forbidden_actor     illegal_transition  forbidden_actor
finishCopy        ShippedBack        R-D7   forbidden_actor  forbidden_actor     forbidden_actor     illegal_transition  forbidden_actor
finishCopy        Faulted            R-D7   forbidden_actor  forbidden_actor     forbidden_actor     illegal_transition  forbidden_actor
shipBack          Specified          R-D9   forbidden_actor  illegal_transition  illegal_transition  forbidden_actor     forbidden_actor
shipBack          Received           R-D9   forbidden_actor  guard_failed        guard_failed        forbidden_actor     forbidden_actor
shipBack          NeverReceived      R-D9   forbidden_actor  illegal_transition  illegal_transition  forbidden_actor     forbidden_actor
shipBack          Transferring       R-D9   forbidden_actor  forbidden_actor     guard_failed        forbidden_actor     forbidden_actor
shipBack          Completed          R-D9   forbidden_actor  ShippedBack         ShippedBack         forbidden_actor     forbidden_actor
shipBack          CompletedMoreInfo  R-D9   forbidden_actor  ShippedBack         ShippedBack         forbidden_actor     forbidden_actor
shipBack          ShippedBack        R-D9   forbidden_actor  already_in_state    already_in_state    forbidden_actor     forbidden_actor
shipBack          Faulted            R-D9   forbidden_actor  illegal_transition  illegal_transition  forbidden_actor     forbidden_actor
fault             Specified          R-F1   forbidden_actor  Faulted             Faulted             forbidden_actor     forbidden_actor
fault             Received           R-F1   forbidden_actor  Faulted             Faulted             forbidden_actor     forbidden_actor
fault             NeverReceived      R-F1   forbidden_actor  Faulted             Faulted             forbidden_actor     forbidden_actor
fault             Transferring       R-F1   forbidden_actor  Faulted             Faulted             forbidden_actor     forbidden_actor
fault             Completed          R-F1   forbidden_actor  Faulted             Faulted             forbidden_actor     forbidden_actor
fault             CompletedMoreInfo  R-F1   forbidden_actor  Faulted             Faulted             forbidden_actor     forbidden_actor
fault             ShippedBack        R-F1   forbidden_actor  illegal_transition  illegal_transition  forbidden_actor     forbidden_actor
fault             Faulted            R-F1   forbidden_actor  already_in_state    already_in_state    forbidden_actor     forbidden_actor
resolveFault      Specified          R-F3   forbidden_actor  forbidden_actor     not_faulted         forbidden_actor     forbidden_actor
resolveFault      Received           R-F3   forbidden_actor  forbidden_actor     already_in_state    forbidden_actor     forbidden_actor
resolveFault      NeverReceived      R-F3   forbidden_actor  forbidden_actor     not_faulted         forbidden_actor     forbidden_actor
resolveFault      Transferring       R-F3   forbidden_actor  forbidden_actor     not_faulted         forbidden_actor     forbidden_actor
resolveFault      Completed          R-F3   forbidden_actor  forbidden_actor     not_faulted         forbidden_actor     forbidden_actor
resolveFault      CompletedMoreInfo  R-F3   forbidden_actor  forbidden_actor     not_faulted         forbidden_actor     forbidden_actor
resolveFault      ShippedBack        R-F3   forbidden_actor  forbidden_actor     not_faulted         forbidden_actor     forbidden_actor
resolveFault      Faulted            R-F3   forbidden_actor  forbidden_actor     Received            forbidden_actor     forbidden_actor
`;

type Row = MachineRow<DriveState>;
const parse = (table: string): Row[] => parseMachineTable<DriveState>(table);

function outcome(decision: Decision<{ to: string }>): string {
  return decision.ok ? decision.value.to : decision.refusal.code;
}

const rows = parse(EXPECTED);

describe("drive transitions: every state x event x actor", () => {
  it("R-D1..R-D11, R-F1, R-F3: the expected table covers every drive state and event exactly once", () => {
    const seen = new Set(rows.map((r) => `${r.event}/${r.state}`));
    expect(seen.size).toBe(rows.length);
    expect(rows.length).toBe(Object.keys(EVENTS).length * DRIVE_STATES.length);
  });

  for (const row of rows) {
    for (const actor of ACTORS) {
      const expected = row.cells[actor];
      it(`${row.rule}: ${row.event} on a ${row.state} drive by ${actor} -> ${expected}`, () => {
        const drive: DriveSnapshot = {
          state: row.state,
          faultedFrom: row.state === "Faulted" ? "Received" : null,
          extra: false,
        };
        const event = EVENTS[row.event];
        if (!event) throw new Error(`unknown event ${row.event}`);
        expect(outcome(decideDriveEvent(drive, event, actor, { job: JOB_OF[row.state] }))).toBe(
          expected,
        );
      });
    }
  }
});
