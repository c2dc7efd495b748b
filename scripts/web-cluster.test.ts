import { describe, expect, it } from "vitest";
import { workerCount, workerEnv } from "./web-cluster.mjs";

describe("the web cluster (npm start)", () => {
  it("runs one worker per core by default, at most eight", () => {
    expect(workerCount({}, 1)).toBe(1);
    expect(workerCount({}, 2)).toBe(2);
    expect(workerCount({}, 32)).toBe(8);
    expect(workerCount({ DOCKSIDE_WEB_WORKERS: "" }, 4)).toBe(4);
  });

  it("takes DOCKSIDE_WEB_WORKERS as it is, and refuses what is not a count with a sentence", () => {
    expect(workerCount({ DOCKSIDE_WEB_WORKERS: "1" }, 16)).toBe(1);
    expect(workerCount({ DOCKSIDE_WEB_WORKERS: "12" }, 2)).toBe(12);
    for (const bad of ["0", "-1", "2.5", "two", "65"]) {
      expect(() => workerCount({ DOCKSIDE_WEB_WORKERS: bad }, 2)).toThrow(
        /DOCKSIDE_WEB_WORKERS must be a whole number from 1 to 64/,
      );
    }
  });

  it("lets only the first worker run the sweep and the notifications' worker", () => {
    expect(workerEnv(0)).toEqual({});
    for (const i of [1, 2, 7]) {
      expect(workerEnv(i)).toEqual({ DOCKSIDE_SWEEP: "off", DOCKSIDE_NOTIFY: "off" });
    }
  });
});
