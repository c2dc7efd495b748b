import { JOB_STATE_WORDING } from "./state-wording.ts";
import { describe, expect, it } from "vitest";
import { isAlreadyInState, refuse, allow } from "./refusal.ts";
import {
  DRIVE_STATES,
  DRIVE_STATE_DESCRIPTIONS,
  JOB_STATES,
  JOB_STATE_DESCRIPTIONS,
  isDriveState,
  isJobState,
} from "./states.ts";

describe("the vocabulary", () => {
  it("R-G1: every job state has a plain-language description", () => {
    for (const s of JOB_STATES) expect(JOB_STATE_DESCRIPTIONS[s].length).toBeGreaterThan(20);
    expect(Object.keys(JOB_STATE_DESCRIPTIONS)).toEqual([...JOB_STATES]);
  });
  it("R-G3: every drive state has a plain-language description", () => {
    for (const s of DRIVE_STATES) expect(DRIVE_STATE_DESCRIPTIONS[s].length).toBeGreaterThan(20);
    expect(Object.keys(DRIVE_STATE_DESCRIPTIONS)).toEqual([...DRIVE_STATES]);
  });
  it("R-J2/R-J11: what comes next tells the customer about automatic deletion, in both languages", () => {
    expect(JOB_STATE_WORDING.en.Creating.next).toMatch(/14 days/);
    expect(JOB_STATE_WORDING.en.Completed.next).toMatch(/90 days/);
    expect(JOB_STATE_WORDING.fr.Creating.next).toMatch(/14 jours/);
    expect(JOB_STATE_WORDING.fr.Closed.next).toMatch(/90 jours/);
    expect(JOB_STATE_DESCRIPTIONS.Creating).toBe(JOB_STATE_WORDING.en.Creating.meaning);
  });
  it("R-G1/R-G3: state guards accept exactly the enum values", () => {
    expect(isJobState("Packaging")).toBe(true);
    expect(isJobState("packaging")).toBe(false);
    expect(isDriveState("CompletedMoreInfo")).toBe(true);
    expect(isDriveState(3)).toBe(false);
  });
  it("R-D3: a double scan is recognisable as a harmless repeat", () => {
    expect(isAlreadyInState(refuse("already_in_state", "The drive is already Received."))).toBe(
      true,
    );
    expect(isAlreadyInState(refuse("guard_failed", "no", "R-E1"))).toBe(false);
    expect(isAlreadyInState(allow(1))).toBe(false);
  });
});
