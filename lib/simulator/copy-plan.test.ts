import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  DEMO_TIME_SCALE,
  hasIssues,
  logStorageAccount,
  logUris,
  planCopy,
  progressAt,
  reportInterval,
  TB,
} from "./copy-plan.ts";

const ids = Array.from({ length: 600 }, (_, i) => ({ id: `drive-${i}` }));

describe("a drive's copy plan", () => {
  it("at speed 1 a drive takes about 25 to 110 s, from 3 to 8 TB drives copied at 190-250 MB/s", () => {
    for (const drive of ids) {
      const plan = planCopy(drive, { seed: 7, speed: 1, errorRate: 0.15 });
      expect(plan.realDurationMs).toBeGreaterThanOrEqual(25_000);
      expect(plan.realDurationMs).toBeLessThanOrEqual(112_000);
      expect(plan.capacityBytes).toBeGreaterThanOrEqual(3 * TB);
      expect(plan.capacityBytes).toBeLessThanOrEqual(8 * TB);
      expect(plan.bytes).toBeLessThan(plan.capacityBytes);
      expect(plan.rateBytesPerSecond / 1e6).toBeGreaterThanOrEqual(190);
      expect(plan.rateBytesPerSecond / 1e6).toBeLessThanOrEqual(250);
      expect(plan.copySeconds * 1000).toBeCloseTo(plan.realDurationMs * DEMO_TIME_SCALE, -4);
      expect(plan.reportEveryMs).toBe(5_000);
    }
  });

  it("--speed divides the demo time and the report interval", () => {
    const slow = planCopy({ id: "a" }, { seed: 1, speed: 1, errorRate: 0 });
    const fast = planCopy({ id: "a" }, { seed: 1, speed: 20, errorRate: 0 });
    expect(fast.bytes).toBe(slow.bytes);
    expect(fast.realDurationMs).toBeCloseTo(slow.realDurationMs / 20, -1);
    expect(fast.reportEveryMs).toBe(250);
    expect(reportInterval(10_000)).toBe(100);
  });

  it("--seed repeats a run: the same seed and drive give the same plan, another seed another", () => {
    const a = ids.slice(0, 50).map((d) => planCopy(d, { seed: 42, speed: 1, errorRate: 0.5 }));
    const b = ids.slice(0, 50).map((d) => planCopy(d, { seed: 42, speed: 1, errorRate: 0.5 }));
    const c = ids.slice(0, 50).map((d) => planCopy(d, { seed: 43, speed: 1, errorRate: 0.5 }));
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it("R-D8: about --error-rate of the copies end with errors, warnings or overwritten blobs", () => {
    const share = (errorRate: number) =>
      ids.filter((d) => hasIssues(planCopy(d, { seed: 3, speed: 1, errorRate }).outcome)).length /
      ids.length;
    expect(share(0)).toBe(0);
    expect(share(1)).toBe(1);
    expect(share(0.15)).toBeGreaterThan(0.1);
    expect(share(0.15)).toBeLessThan(0.2);
  });

  it("progress never goes backwards, never passes 100%, and resumes from where it was", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200_000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.array(fc.integer({ min: 0, max: 300_000 }), { minLength: 2, maxLength: 20 }),
        (realDurationMs, from, times) => {
          const plan = { bytes: 4 * TB, realDurationMs };
          const sorted = [...times].sort((x, y) => x - y);
          const points = sorted.map((ms) => progressAt(plan, ms, from));
          for (const [i, p] of points.entries()) {
            expect(p.percentComplete).toBeGreaterThanOrEqual(Math.min(from, 100));
            expect(p.percentComplete).toBeLessThanOrEqual(100);
            expect(p.bytesTransferred).toBeLessThanOrEqual(plan.bytes);
            if (i > 0) {
              expect(p.percentComplete).toBeGreaterThanOrEqual(points[i - 1]!.percentComplete);
              expect(p.bytesTransferred).toBeGreaterThanOrEqual(points[i - 1]!.bytesTransferred);
            }
            expect(p.done).toBe(p.bytesTransferred === plan.bytes);
          }
        },
      ),
    );
    expect(progressAt({ bytes: 100, realDurationMs: 1000 }, 500, 50)).toEqual({
      percentComplete: 75,
      bytesTransferred: 75,
      done: false,
    });
  });
});

describe("R-G4: the copy's log URIs", () => {
  it("are https blob URIs in the dockside-logs container, per job and drive", () => {
    expect(logUris("contoso-backup-000123", "WD-WCC4N1234567")).toEqual({
      errorLogUri:
        "https://contosologs.blob.core.windows.net/dockside-logs/contoso-backup-000123/WD-WCC4N1234567_error.xml",
      verboseLogUri:
        "https://contosologs.blob.core.windows.net/dockside-logs/contoso-backup-000123/WD-WCC4N1234567_verbose.xml",
    });
  });

  it("name a valid storage account (3 to 24 lowercase letters and digits) whatever the job name", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (name) => {
        expect(logStorageAccount(name)).toMatch(/^[a-z0-9]{3,24}$/);
        expect(() => new URL(logUris(name, "S1").errorLogUri)).not.toThrow();
      }),
    );
  });
});
