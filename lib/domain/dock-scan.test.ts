import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  canUndoScan,
  holdIncidentsSettledByReception,
  optimisticReception,
  scanIntoPackage,
  contestedHoldSummary,
  planDriveScan,
  type DriveOnRecord,
  type PackageJob,
} from "./dock-scan.ts";
import { DRIVE_STATES, JOB_STATES } from "./states.ts";

const importJob = (
  state: PackageJob["state"] = "Shipping",
  id = "job-1",
  customerId = "contoso",
): PackageJob => ({
  jobId: id,
  name: id,
  type: "Import",
  state,
  customerId,
});
const drive = (over: Partial<DriveOnRecord> = {}): DriveOnRecord => ({
  driveId: "d-1",
  jobId: "job-1",
  jobName: "job-1",
  jobState: "Shipping",
  customerId: "contoso",
  state: "Specified",
  extra: false,
  ...over,
});

describe("what a drive scan at the dock means", () => {
  it("R-D3: an expected drive of a job in Shipping is received", () => {
    expect(planDriveScan([importJob()], [drive()])).toEqual({
      kind: "receive",
      driveId: "d-1",
      jobId: "job-1",
      late: false,
      rule: "R-D3",
    });
  });

  it("R-D10: a NeverReceived drive arriving in a later package is received", () => {
    const plan = planDriveScan(
      [importJob("Received", "job-2")],
      [drive({ state: "NeverReceived", jobState: "Received" })],
    );
    expect(plan).toMatchObject({ kind: "receive", late: true, rule: "R-D10", driveId: "d-1" });
  });

  it("a drive already at the datacenter is a double scan: nothing to do", () => {
    for (const state of [
      "Received",
      "Transferring",
      "Completed",
      "CompletedMoreInfo",
      "Faulted",
    ] as const) {
      expect(planDriveScan([importJob()], [drive({ state })])).toMatchObject({
        kind: "alreadyHere",
        state,
      });
    }
  });

  it("R-E1: a drive of a job still in Creating is held, not received", () => {
    expect(planDriveScan([importJob("Creating")], [drive({ jobState: "Creating" })])).toEqual({
      kind: "holdJobNotShipping",
      driveId: "d-1",
      jobId: "job-1",
      rule: "R-E1",
    });
  });

  it("R-E1: a drive of no known job, in a package of no known job, is held", () => {
    expect(planDriveScan([], [])).toEqual({ kind: "holdUnknown", rule: "R-E1" });
  });

  it("R-E5 / R-D11: a drive on nobody's list, in a job's package, is an extra drive of that job", () => {
    expect(planDriveScan([importJob()], [])).toEqual({
      kind: "extra",
      jobId: "job-1",
      rule: "R-E5",
    });
  });

  it("R-D2: a drive in an export job's package is that job's drive, Received", () => {
    const exportJob: PackageJob = {
      jobId: "exp-1",
      name: "exp",
      type: "Export",
      state: "Shipping",
      customerId: "contoso",
    };
    expect(planDriveScan([exportJob], [])).toEqual({
      kind: "exportDrive",
      jobId: "exp-1",
      rule: "R-D2",
    });
  });

  it("R-D3: a listed drive of another job, in the wrong package, is still received for its own job", () => {
    const plan = planDriveScan([importJob("Shipping", "job-9")], [drive({ jobId: "job-1" })]);
    expect(plan).toMatchObject({ kind: "receive", jobId: "job-1" });
  });

  it("a drive shipped back long ago is history: a new arrival of it is a new drive", () => {
    expect(
      planDriveScan(
        [importJob()],
        [drive({ state: "ShippedBack", jobId: "old", jobState: "Completed" })],
      ),
    ).toEqual({
      kind: "extra",
      jobId: "job-1",
      rule: "R-E5",
    });
    expect(
      planDriveScan([], [drive({ state: "ShippedBack", jobState: "Completed" })]),
    ).toMatchObject({ kind: "alreadyShippedBack" });
  });

  it("a held drive scanned again is a double scan", () => {
    expect(
      planDriveScan(
        [],
        [
          drive({
            jobId: null,
            jobName: null,
            jobState: null,
            customerId: null,
            state: "Received",
          }),
        ],
      ),
    ).toMatchObject({ kind: "alreadyHere", jobId: null });
  });

  it("every drive state and job state gives exactly one plan, and receiving only from Specified or NeverReceived (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DRIVE_STATES),
        fc.constantFrom(...JOB_STATES),
        fc.boolean(),
        (state, jobState, inPackage) => {
          const plan = planDriveScan(inPackage ? [importJob(jobState)] : [], [
            drive({ state, jobState }),
          ]);
          if (plan.kind === "receive") expect(["Specified", "NeverReceived"]).toContain(state);
          if (plan.kind === "holdJobNotShipping") expect(jobState).toBe("Creating");
        },
      ),
    );
  });
});

describe("a drive claimed by more than one customer (customers write their own drive lists)", () => {
  // Fabrikam's job lists its drive; Contoso's job names the same serial (and maybe the package).
  const victim = drive({ driveId: "d-victim", jobId: "victim", jobName: "victim" });
  const victimDrive = { ...victim, customerId: "fabrikam" };
  const attackerDrive = drive({ driveId: "d-attacker", jobId: "attacker", jobName: "attacker" });
  const victimJob = importJob("Shipping", "victim", "fabrikam");
  const attackerJob = importJob("Shipping", "attacker", "contoso");

  it("R-E1 R-D3: a serial listed by two customers' jobs is held for a supervisor, whichever package it is in and whatever the order", () => {
    const packages = [
      [victimJob],
      [attackerJob],
      [victimJob, attackerJob],
      [attackerJob, victimJob],
      [],
    ];
    for (const pkg of packages) {
      for (const records of [
        [victimDrive, attackerDrive],
        [attackerDrive, victimDrive],
      ]) {
        const plan = planDriveScan(pkg, records);
        expect(plan).toMatchObject({ kind: "holdContested", rule: "R-E1", claim: "listed" });
        if (plan.kind !== "holdContested") continue;
        expect(plan.claims.map((c) => c.jobId)).toEqual(["attacker", "victim"]);
      }
    }
  });

  it("R-E1: the contested hold applies to a job in Creating and to a NeverReceived drive too", () => {
    expect(
      planDriveScan(
        [attackerJob],
        [{ ...victimDrive, state: "NeverReceived", jobState: "Received" }, attackerDrive],
      ),
    ).toMatchObject({ kind: "holdContested" });
    expect(
      planDriveScan([victimJob], [victimDrive, { ...attackerDrive, jobState: "Creating" }]),
    ).toMatchObject({ kind: "holdContested" });
  });

  it("R-D3: two listed drives of the same customer: the package's own job is received, as before", () => {
    const own = importJob("Shipping", "job-2");
    const other = drive();
    const mine = drive({ driveId: "d-2", jobId: "job-2", jobName: "job-2" });
    for (const records of [
      [other, mine],
      [mine, other],
    ]) {
      expect(planDriveScan([own], records)).toMatchObject({
        kind: "receive",
        driveId: "d-2",
        jobId: "job-2",
        rule: "R-D3",
      });
    }
  });

  it("R-D3: another customer's drive shipped back long ago is history, not a claim", () => {
    const returned = {
      ...victimDrive,
      state: "ShippedBack" as const,
      jobState: "Completed" as const,
    };
    expect(planDriveScan([attackerJob], [returned, attackerDrive])).toMatchObject({
      kind: "receive",
      jobId: "attacker",
    });
  });

  it("R-E1 R-E5: a drive nobody lists, in a package two customers' jobs name, is held: its owner would be a guess", () => {
    expect(planDriveScan([victimJob, attackerJob], [])).toEqual({
      kind: "holdContested",
      rule: "R-E1",
      claim: "package",
      claims: [
        { jobId: "attacker", jobName: "attacker", customerId: "contoso" },
        { jobId: "victim", jobName: "victim", customerId: "fabrikam" },
      ],
    });
    const exportJob: PackageJob = { ...victimJob, type: "Export" };
    expect(planDriveScan([attackerJob, exportJob], [])).toMatchObject({
      kind: "holdContested",
      claim: "package",
    });
  });

  it("R-E5 R-D2: a package two jobs of one customer name still takes extra and export drives", () => {
    expect(planDriveScan([importJob("Shipping", "a"), importJob("Shipping", "b")], [])).toEqual({
      kind: "extra",
      jobId: "a",
      rule: "R-E5",
    });
    const exportJob: PackageJob = { ...importJob("Shipping", "exp"), type: "Export" };
    expect(planDriveScan([importJob("Shipping", "a"), exportJob], [])).toMatchObject({
      kind: "exportDrive",
      jobId: "exp",
    });
  });

  it("R-E1 R-D3 R-E5: no scan ever gives a drive to a job when another customer has a claim on it (property)", () => {
    const customers = ["contoso", "fabrikam", "northwind"];
    const job = fc.record({
      jobId: fc.constantFrom("j1", "j2", "j3", "j4"),
      customerId: fc.constantFrom(...customers),
      type: fc.constantFrom("Import" as const, "Export" as const),
      state: fc.constantFrom(...JOB_STATES),
    });
    const record = fc.record({
      job: fc.option(job, { nil: null }),
      state: fc.constantFrom(...DRIVE_STATES),
      extra: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(job, { maxLength: 3 }),
        fc.array(record, { maxLength: 4 }),
        (jobs, recs) => {
          const packageJobs = jobs.map((j) => ({ ...j, name: j.jobId }));
          const onRecord: DriveOnRecord[] = recs.map((r, i) => ({
            driveId: `d${i}`,
            jobId: r.job?.jobId ?? null,
            jobName: r.job?.jobId ?? null,
            jobState: r.job?.state ?? null,
            customerId: r.job?.customerId ?? null,
            state: r.state,
            extra: r.extra,
          }));
          const plan = planDriveScan(packageJobs, onRecord);
          const claimants = new Set(
            onRecord
              .filter((d) => d.jobId !== null && d.state !== "ShippedBack" && !d.extra)
              .map((d) => d.customerId),
          );
          if (plan.kind === "receive" || plan.kind === "holdJobNotShipping") {
            const target = onRecord.find((d) => d.driveId === plan.driveId)!;
            expect(claimants.size).toBeLessThanOrEqual(1);
            if (!target.extra) expect([...claimants]).toEqual([target.customerId]);
          }
          if (plan.kind === "extra" || plan.kind === "exportDrive") {
            expect(claimants.size).toBe(0);
            expect(new Set(packageJobs.map((j) => j.customerId)).size).toBe(1);
          }
          if (plan.kind === "holdContested") {
            expect(new Set(plan.claims.map((c) => c.customerId)).size).toBeGreaterThan(1);
          }
        },
      ),
    );
  });

  it("R-E1: the supervisor's incident names every claiming job with its customer", () => {
    expect(
      contestedHoldSummary("X1", "UPS 1Z999AA10123456784", "listed", [
        { jobName: "A", customerName: "Contoso" },
        { jobName: "B", customerName: "Fabrikam" },
      ]),
    ).toBe(
      "Drive X1 arrived in UPS 1Z999AA10123456784 and is claimed by jobs A (Contoso) and B (Fabrikam); held until a supervisor checks.",
    );
    expect(
      contestedHoldSummary("X1", "DHL 1234567890", "package", [
        { jobName: "A", customerName: "Contoso" },
        { jobName: "B", customerName: "Fabrikam" },
        { jobName: "C", customerName: "Northwind" },
      ]),
    ).toMatch(
      /the package of jobs A \(Contoso\), B \(Fabrikam\) and C \(Northwind\), and no job lists it/,
    );
  });
});

describe("undoing a scan", () => {
  const at = new Date("2026-11-24T06:00:00Z");
  const scan = { at, byUserId: "ana", toState: "Received" as const };
  const later = (m: number) => new Date(at.getTime() + m * 60_000);
  it("is allowed to its operator within 5 minutes when the drive has not changed since", () => {
    expect(
      canUndoScan(scan, { state: "Received", changedSince: false }, "ana", later(4.9)).ok,
    ).toBe(true);
  });
  it("is refused to another operator, after the window, or once the drive moved on", () => {
    expect(canUndoScan(scan, { state: "Received", changedSince: false }, "ben", later(1)).ok).toBe(
      false,
    );
    expect(
      canUndoScan(scan, { state: "Received", changedSince: false }, "ana", later(5.1)).ok,
    ).toBe(false);
    expect(
      canUndoScan(scan, { state: "Transferring", changedSince: true }, "ana", later(1)).ok,
    ).toBe(false);
  });
});

describe("optimisticReception: what the dock page shows before the server answers", () => {
  const jobs = [
    {
      id: "j1",
      name: "job-1",
      type: "Import" as const,
      state: "Shipping" as const,
      customer: "Contoso",
      drives: [
        { id: "d1", serial: "SN1", state: "Specified" as const, extra: false },
        { id: "d2", serial: "SN2", state: "NeverReceived" as const, extra: false },
        { id: "d3", serial: "SN3", state: "Received" as const, extra: false },
      ],
    },
  ];

  it("R-D3: a listed drive still expected is shown received at once", () => {
    expect(optimisticReception(jobs, "SN1")).toBe("d1");
  });

  it("R-D10: a drive marked never received is shown received (late) at once", () => {
    expect(optimisticReception(jobs, "SN2")).toBe("d2");
  });

  it("a double scan, an unknown serial (R-E5 extra) or a job still Creating (R-E1) shows nothing early", () => {
    expect(optimisticReception(jobs, "SN3")).toBeNull();
    expect(optimisticReception(jobs, "NOPE")).toBeNull();
    expect(optimisticReception([{ ...jobs[0]!, state: "Creating" }], "SN1")).toBeNull();
  });

  it("agrees with planDriveScan for every drive state and job state (it is that plan)", () => {
    for (const state of DRIVE_STATES)
      for (const jobState of JOB_STATES) {
        const view = [
          { ...jobs[0]!, state: jobState, drives: [{ id: "d", serial: "S", state, extra: false }] },
        ];
        const plan = planDriveScan(
          [{ jobId: "j1", name: "job-1", type: "Import", state: jobState, customerId: "Contoso" }],
          [
            {
              driveId: "d",
              jobId: "j1",
              jobName: "job-1",
              jobState,
              customerId: "Contoso",
              state,
              extra: false,
            },
          ],
        );
        expect(optimisticReception(view, "S")).toBe(plan.kind === "receive" ? "d" : null);
      }
  });
});

describe("holdIncidentsSettledByReception (R-E1)", () => {
  const open = [
    { id: "i-job", kind: "JobNotShipping" as const, jobId: "j1", driveId: "d1" },
    { id: "i-extra", kind: "ExtraDrive" as const, jobId: "j1", driveId: "d9" },
    { id: "i-other", kind: "JobNotShipping" as const, jobId: "j2", driveId: "d5" },
  ];

  it("R-E1: the last held drive of the job received the normal way resolves the job's hold incident", () => {
    expect(holdIncidentsSettledByReception(open, { driveId: "d1", jobId: "j1" }, 0)).toEqual([
      "i-job",
    ]);
  });

  it("R-E1: while another drive of the job is still held, the incident stays open", () => {
    expect(holdIncidentsSettledByReception(open, { driveId: "d1", jobId: "j1" }, 1)).toEqual([]);
  });

  it("R-E1 R-E5: never another job's incident, nor an extra drive's", () => {
    expect(holdIncidentsSettledByReception(open, { driveId: "d7", jobId: "j3" }, 0)).toEqual([]);
  });
});

describe("scanIntoPackage: close against scans (R-D4, R-D10)", () => {
  it("R-D4: an open package takes scans; a closed one refuses them with a sentence saying how to reopen it", () => {
    expect(scanIntoPackage({ direction: "Inbound", closed: false }).ok).toBe(true);
    const refused = scanIntoPackage({ direction: "Inbound", closed: true });
    expect(refused).toMatchObject({
      ok: false,
      refusal: {
        code: "guard_failed",
        rule: "R-D4",
        message: expect.stringMatching(/^Package closed: scan its label again/),
      },
    });
  });

  it("R-D9: a closed return package refuses ship-back scans the same way", () => {
    expect(scanIntoPackage({ direction: "Return", closed: true })).toMatchObject({
      ok: false,
      refusal: { rule: "R-D9" },
    });
  });
});
