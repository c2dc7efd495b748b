import { describe, expect, it } from "vitest";
import { DriveState, IncidentKind, JobState, JobType } from "@/lib/generated/prisma/enums.ts";
import { DRIVE_STATES, INCIDENT_KINDS, JOB_STATES, JOB_TYPES } from "@/lib/domain/index.ts";

// The domain owns the vocabulary; the database repeats it. They must never disagree.
describe("the database's enums are the domain's words", () => {
  it("R-J1..R-J13: job states", () => expect(Object.values(JobState)).toEqual([...JOB_STATES]));
  it("R-D1..R-D9: drive states", () =>
    expect(Object.values(DriveState)).toEqual([...DRIVE_STATES]));
  it("R-E1..R-E5: incident kinds", () =>
    expect(Object.values(IncidentKind)).toEqual([...INCIDENT_KINDS]));
  it("job types", () => expect(Object.values(JobType)).toEqual([...JOB_TYPES]));
});
