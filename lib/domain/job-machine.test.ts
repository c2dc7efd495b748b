import { describe, expect, it } from "vitest";
import {
  daysFromNow,
  drives,
  jobSnapshot,
  NOW,
  parseMachineTable,
  type MachineRow,
} from "./fixtures.test-support.ts";
import { decideJobEvent } from "./job-machine.ts";
import type { JobSnapshot } from "./job-snapshot.ts";
import type { JobEvent } from "./job-transitions.ts";
import type { Decision } from "./refusal.ts";
import { ACTORS, JOB_STATES, type JobState } from "./states.ts";

/**
 * EVERY job state x EVERY event x EVERY actor, against a table written by hand from docs/domain.md
 * (not from JOB_TRANSITIONS). Each job is a typical one for its state, past every timer, with its
 * delivery package and return address set. A cell is the state (or "Deleted") the job moves to, or
 * the refusal code.
 */
const TYPICAL: Record<JobState, JobSnapshot> = {
  Creating: jobSnapshot({ state: "Creating", drives: drives("Specified", "Specified") }),
  Shipping: jobSnapshot({ state: "Shipping", drives: drives("Specified", "Specified") }),
  Received: jobSnapshot({ state: "Received", drives: drives("Received", "Received") }),
  Transferring: jobSnapshot({ state: "Transferring", drives: drives("Transferring", "Received") }),
  Packaging: jobSnapshot({
    state: "Packaging",
    drives: drives("Completed", "CompletedMoreInfo"),
    hadErrors: true,
  }),
  Completed: jobSnapshot({ state: "Completed", drives: drives("ShippedBack", "ShippedBack") }),
  Closed: jobSnapshot({
    state: "Closed",
    drives: drives("ShippedBack", "NeverReceived"),
    hadErrors: true,
  }),
  Faulted: jobSnapshot({
    state: "Faulted",
    faultedFrom: "Shipping",
    drives: drives("Specified", "Specified"),
  }),
};

const EVENTS: Record<string, JobEvent> = {
  updateProperties: { type: "updateProperties" },
  replaceDriveList: { type: "replaceDriveList", heldDrives: [] },
  markShipping: { type: "markShipping" },
  cancel: { type: "cancel", reason: "No longer needed" },
  fault: { type: "fault", reason: "Carrier reports the package damaged" },
  resolveFault: { type: "resolveFault", to: "Shipping" },
  closeOverdue: { type: "closeOverdue", answerDueAt: daysFromNow(-1) },
  expire: { type: "expire" },
  purge: { type: "purge" },
  delete: { type: "delete", heldDrives: [] },
};

// columns: event, job state, rule, then one cell per actor in ACTORS order
// (customer, operator, supervisor, copyStation, sweep). The Faulted job faulted from Shipping.
const EXPECTED = `
updateProperties Creating     R-J3  Creating            forbidden_actor     forbidden_actor     forbidden_actor  forbidden_actor
updateProperties Shipping     R-J4  Shipping            forbidden_actor     forbidden_actor     forbidden_actor  forbidden_actor
updateProperties Received     R-J4  illegal_transition  forbidden_actor     forbidden_actor     forbidden_actor  forbidden_actor
updateProperties Transferring R-J4  illegal_transition  forbidden_actor     forbidden_actor     forbidden_actor  forbidden_actor
updateProperties Packaging    R-J4  illegal_transition  forbidden_actor     forbidden_actor     forbidden_actor  forbidden_actor
updateProperties Completed    R-J4  illegal_transition  forbidden_actor     forbidden_actor     forbidden_actor  forbidden_actor
updateProperties Closed       R-J4  illegal_transition  forbidden_actor     forbidden_actor     forbidden_actor  forbidden_actor
updateProperties Faulted      R-J4  illegal_transition  forbidden_actor     forbidden_actor     forbidden_actor  forbidden_actor
replaceDriveList Creating     R-J3  Creating            forbidden_actor     forbidden_actor     forbidden_actor  forbidden_actor
replaceDriveList Shipping     R-J3  illegal_transition  forbidden_actor     forbidden_actor     forbidden_actor  forbidden_actor
replaceDriveList Received     R-J3  illegal_transition  forbidden_actor     forbidden_actor     forbidden_actor  forbidden_actor
replaceDriveList Transferring R-J3  illegal_transition  forbidden_actor     forbidden_actor     forbidden_actor  forbidden_actor
replaceDriveList Packaging    R-J3  illegal_transition  forbidden_actor     forbidden_actor     forbidden_actor  forbidden_actor
replaceDriveList Completed    R-J3  illegal_transition  forbidden_actor     forbidden_actor     forbidden_actor  forbidden_actor
replaceDriveList Closed       R-J3  illegal_transition  forbidden_actor     forbidden_actor     forbidden_actor  forbidden_actor
replaceDriveList Faulted      R-J3  illegal_transition  forbidden_actor     forbidden_actor     forbidden_actor  forbidden_actor
markShipping     Creating     R-J4  Shipping            forbidden_actor     forbidden_actor     forbidden_actor  forbidden_actor
markShipping     Shipping     R-J4  already_in_state    forbidden_actor     forbidden_actor     forbidden_actor  forbidden_actor
markShipping     Received     R-J4  illegal_transition  forbidden_actor     forbidden_actor     forbidden_actor  forbidden_actor
markShipping     Transferring R-J4  illegal_transition  forbidden_actor     forbidden_actor     forbidden_actor  forbidden_actor
markShipping     Packaging    R-J4  illegal_transition  forbidden_actor     forbidden_actor     forbidden_actor  forbidden_actor
markShipping     Completed    R-J4  illegal_transition  forbidden_actor     forbidden_actor     forbidden_actor  forbidden_actor
markShipping     Closed       R-J4  illegal_transition  forbidden_actor     forbidden_actor     forbidden_actor  forbidden_actor
markShipping     Faulted      R-J4  illegal_transition  forbidden_actor     forbidden_actor     forbidden_actor  forbidden_actor
cancel           Creating     R-J14 Closed              forbidden_actor     Closed              forbidden_actor  forbidden_actor
cancel           Shipping     R-J14 Shipping            forbidden_actor     Shipping            forbidden_actor  forbidden_actor
cancel           Received     R-J14 Packaging           forbidden_actor     Packaging           forbidden_actor  forbidden_actor
cancel           Transferring R-J14 not_cancellable     forbidden_actor     not_cancellable     forbidden_actor  forbidden_actor
cancel           Packaging    R-J14 not_cancellable     forbidden_actor     not_cancellable     forbidden_actor  forbidden_actor
cancel           Completed    R-J14 not_cancellable     forbidden_actor     not_cancellable     forbidden_actor  forbidden_actor
cancel           Closed       R-J14 not_cancellable     forbidden_actor     not_cancellable     forbidden_actor  forbidden_actor
cancel           Faulted      R-J14 not_cancellable     forbidden_actor     not_cancellable     forbidden_actor  forbidden_actor
fault            Creating     R-F1  forbidden_actor     Faulted             Faulted             forbidden_actor  forbidden_actor
fault            Shipping     R-F1  forbidden_actor     Faulted             Faulted             forbidden_actor  forbidden_actor
fault            Received     R-F1  forbidden_actor     Faulted             Faulted             forbidden_actor  forbidden_actor
fault            Transferring R-F1  forbidden_actor     Faulted             Faulted             forbidden_actor  forbidden_actor
fault            Packaging    R-F1  forbidden_actor     Faulted             Faulted             forbidden_actor  forbidden_actor
fault            Completed    R-F1  forbidden_actor     illegal_transition  illegal_transition  forbidden_actor  forbidden_actor
fault            Closed       R-F1  forbidden_actor     illegal_transition  illegal_transition  forbidden_actor  forbidden_actor
fault            Faulted      R-F1  forbidden_actor     already_in_state    already_in_state    forbidden_actor  forbidden_actor
resolveFault     Creating     R-F3  forbidden_actor     forbidden_actor     not_faulted         forbidden_actor  forbidden_actor
resolveFault     Shipping     R-F3  forbidden_actor     forbidden_actor     already_in_state    forbidden_actor  forbidden_actor
resolveFault     Received     R-F3  forbidden_actor     forbidden_actor     not_faulted         forbidden_actor  forbidden_actor
resolveFault     Transferring R-F3  forbidden_actor     forbidden_actor     not_faulted         forbidden_actor  forbidden_actor
resolveFault     Packaging    R-F3  forbidden_actor     forbidden_actor     not_faulted         forbidden_actor  forbidden_actor
resolveFault     Completed    R-F3  forbidden_actor     forbidden_actor     not_faulted         forbidden_actor  forbidden_actor
resolveFault     Closed       R-F3  forbidden_actor     forbidden_actor     not_faulted         forbidden_actor  forbidden_actor
resolveFault     Faulted      R-F3  forbidden_actor     forbidden_actor     Shipping            forbidden_actor  forbidden_actor
closeOverdue     Creating     R-E2  forbidden_actor     forbidden_actor     forbidden_actor     forbidden_actor  illegal_transition
closeOverdue     Shipping     R-E2  forbidden_actor     forbidden_actor     forbidden_actor     forbidden_actor  Closed
closeOverdue     Received     R-E2  forbidden_actor     forbidden_actor     forbidden_actor     forbidden_actor  illegal_transition
closeOverdue     Transferring R-E2  forbidden_actor     forbidden_actor     forbidden_actor     forbidden_actor  illegal_transition
closeOverdue     Packaging    R-E2  forbidden_actor     forbidden_actor     forbidden_actor     forbidden_actor  illegal_transition
closeOverdue     Completed    R-E2  forbidden_actor     forbidden_actor     forbidden_actor     forbidden_actor  illegal_transition
closeOverdue     Closed       R-E2  forbidden_actor     forbidden_actor     forbidden_actor     forbidden_actor  already_in_state
closeOverdue     Faulted      R-E2  forbidden_actor     forbidden_actor     forbidden_actor     forbidden_actor  illegal_transition
expire           Creating     R-J2  forbidden_actor     forbidden_actor     forbidden_actor     forbidden_actor  Deleted
expire           Shipping     R-J2  forbidden_actor     forbidden_actor     forbidden_actor     forbidden_actor  illegal_transition
expire           Received     R-J2  forbidden_actor     forbidden_actor     forbidden_actor     forbidden_actor  illegal_transition
expire           Transferring R-J2  forbidden_actor     forbidden_actor     forbidden_actor     forbidden_actor  illegal_transition
expire           Packaging    R-J2  forbidden_actor     forbidden_actor     forbidden_actor     forbidden_actor  illegal_transition
expire           Completed    R-J2  forbidden_actor     forbidden_actor     forbidden_actor     forbidden_actor  illegal_transition
expire           Closed       R-J2  forbidden_actor     forbidden_actor     forbidden_actor     forbidden_actor  illegal_transition
expire           Faulted      R-J2  forbidden_actor     forbidden_actor     forbidden_actor     forbidden_actor  illegal_transition
purge            Creating     R-J11 forbidden_actor     forbidden_actor     forbidden_actor     forbidden_actor  illegal_transition
purge            Shipping     R-J11 forbidden_actor     forbidden_actor     forbidden_actor     forbidden_actor  illegal_transition
purge            Received     R-J11 forbidden_actor     forbidden_actor     forbidden_actor     forbidden_actor  illegal_transition
purge            Transferring R-J11 forbidden_actor     forbidden_actor     forbidden_actor     forbidden_actor  illegal_transition
purge            Packaging    R-J11 forbidden_actor     forbidden_actor     forbidden_actor     forbidden_actor  illegal_transition
purge            Completed    R-J11 forbidden_actor     forbidden_actor     forbidden_actor     forbidden_actor  Deleted
purge            Closed       R-J13 forbidden_actor     forbidden_actor     forbidden_actor     forbidden_actor  Deleted
purge            Faulted      R-J13 forbidden_actor     forbidden_actor     forbidden_actor     forbidden_actor  illegal_transition
delete           Creating     R-J2  Deleted             forbidden_actor     forbidden_actor     forbidden_actor  forbidden_actor
delete           Shipping     R-J2  illegal_transition  forbidden_actor     forbidden_actor     forbidden_actor  forbidden_actor
delete           Received     R-J2  illegal_transition  forbidden_actor     forbidden_actor     forbidden_actor  forbidden_actor
delete           Transferring R-J2  illegal_transition  forbidden_actor     forbidden_actor     forbidden_actor  forbidden_actor
delete           Packaging    R-J2  illegal_transition  forbidden_actor     forbidden_actor     forbidden_actor  forbidden_actor
delete           Completed    R-J11 Deleted             forbidden_actor     forbidden_actor     forbidden_actor  forbidden_actor
delete           Closed       R-J13 Deleted             forbidden_actor     forbidden_actor     forbidden_actor  forbidden_actor
delete           Faulted      R-J2  illegal_transition  forbidden_actor     forbidden_actor     forbidden_actor  forbidden_actor
`;

type Row = MachineRow<JobState>;

const rows: Row[] = parseMachineTable<JobState>(EXPECTED);

const outcome = (d: Decision<{ to: string }>) => (d.ok ? d.value.to : d.refusal.code);

describe("job transitions: every state x event x actor", () => {
  it("R-J1..R-J14, R-E2, R-F1, R-F3: the expected table covers every job state and event exactly once", () => {
    expect(new Set(rows.map((r) => `${r.event}/${r.state}`)).size).toBe(rows.length);
    expect(rows.length).toBe(Object.keys(EVENTS).length * JOB_STATES.length);
  });

  for (const row of rows) {
    for (const actor of ACTORS) {
      const expected = row.cells[actor];
      it(`${row.rule}: ${row.event} on a ${row.state} job by ${actor} -> ${expected}`, () => {
        const event = EVENTS[row.event];
        if (!event) throw new Error(`unknown event ${row.event}`);
        expect(outcome(decideJobEvent(TYPICAL[row.state], event, actor, NOW))).toBe(expected);
      });
    }
  }
});
