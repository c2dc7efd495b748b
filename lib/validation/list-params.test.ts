import { describe, expect, it } from "vitest";
import {
  kindOfRule,
  listQuery,
  parseFaultListParams,
  parseIncidentListParams,
  parseJobListParams,
} from "./list-params.ts";

const CUSTOMER = "0b7d3c4e-1f2a-4b5c-8d9e-0f1a2b3c4d5e";

describe("incident list parameters", () => {
  it("defaults to open incidents, nearest deadline first, page 1", () => {
    expect(parseIncidentListParams({})).toEqual({
      params: { status: "open", overdue: false, sort: "deadline", dir: "asc", page: 1 },
      errors: [],
    });
  });
  it("reads every filter the dashboard links with (R-E1..R-E5)", () => {
    const { params, errors } = parseIncidentListParams({
      rule: "R-E2",
      customer: CUSTOMER,
      due: "7",
      overdue: "1",
      sort: "opened",
      dir: "desc",
      page: "3",
    });
    expect(errors).toEqual([]);
    expect(params).toEqual({
      status: "open",
      rule: "R-E2",
      customer: CUSTOMER,
      due: 7,
      overdue: true,
      sort: "opened",
      dir: "desc",
      page: 3,
    });
    expect(kindOfRule("R-E2")).toBe("PackageOverdue");
    expect(kindOfRule("R-E5")).toBe("ExtraDrive");
  });
  it("drops each bad parameter with a sentence and keeps the others", () => {
    const { params, errors } = parseIncidentListParams({
      rule: "E-9",
      customer: "'; drop table",
      due: "-1",
      overdue: "yes",
      sort: "random()",
      dir: "sideways",
      page: "99999",
      status: "open",
    });
    expect(params).toEqual({
      status: "open",
      overdue: false,
      sort: "deadline",
      dir: "asc",
      page: 1,
    });
    expect(errors).toHaveLength(7);
    expect(errors.join(" ")).toMatch(/“rule” is one of R-E1, R-E2/);
    expect(errors.join(" ")).toMatch(/“due” is a whole number of days from 0 to 365/);
  });
  it("lists resolved incidents newest first by default", () => {
    expect(parseIncidentListParams({ status: "resolved" }).params).toMatchObject({
      sort: "opened",
      dir: "desc",
    });
  });
  it("takes the first of repeated parameters and ignores blanks", () => {
    expect(parseIncidentListParams({ rule: ["R-E4", "R-E1"], due: " " }).params).toMatchObject({
      rule: "R-E4",
    });
    expect(parseIncidentListParams({ due: "" }).params.due).toBeUndefined();
  });
});

describe("fault list parameters", () => {
  it("defaults to oldest first", () => {
    expect(parseFaultListParams({}).params).toEqual({
      overdue: false,
      sort: "since",
      dir: "asc",
      page: 1,
    });
  });
  it("reads customer, due, overdue, age and kind, refusing the rest", () => {
    expect(
      parseFaultListParams({ customer: CUSTOMER, due: "2", overdue: "1", age: "3", kind: "drive" })
        .params,
    ).toMatchObject({ customer: CUSTOMER, due: 2, overdue: true, age: 3, kind: "drive" });
    const bad = parseFaultListParams({ kind: "tape", age: "1.5" });
    expect(bad.errors).toHaveLength(2);
    expect(bad.errors[1]).toMatch(/“age”/);
  });
});

describe("job list parameters", () => {
  it("defaults to the newest change first", () => {
    expect(parseJobListParams({}).params).toEqual({ sort: "changed", dir: "desc", page: 1 });
  });
  it("sorts names A to Z unless asked otherwise", () => {
    expect(parseJobListParams({ sort: "name" }).params.dir).toBe("asc");
    expect(parseJobListParams({ sort: "name", dir: "desc" }).params.dir).toBe("desc");
  });
  it("reads state, customer, type, a date range and search text", () => {
    const { params, errors } = parseJobListParams({
      state: "Shipping",
      customer: CUSTOMER,
      type: "Export",
      from: "2026-11-01",
      to: "2026-11-30",
      q: "  contoso  ",
    });
    expect(errors).toEqual([]);
    expect(params).toMatchObject({
      state: "Shipping",
      customer: CUSTOMER,
      type: "Export",
      from: "2026-11-01",
      to: "2026-11-30",
      q: "contoso",
    });
  });
  it("refuses impossible days, reversed ranges and invisible characters in the search", () => {
    expect(parseJobListParams({ from: "2026-02-30" }).errors[0]).toMatch(/YYYY-MM-DD/);
    expect(parseJobListParams({ from: "1999-12-31" }).errors).toHaveLength(1);
    const reversed = parseJobListParams({ from: "2026-12-01", to: "2026-11-01" });
    expect(reversed.params.from).toBeUndefined();
    expect(reversed.errors[0]).toMatch(/after/);
    const hidden = parseJobListParams({ q: "abc\u200bdef" });
    expect(hidden.params.q).toBeUndefined();
    expect(hidden.errors[0]).toMatch(/printable/);
    expect(parseJobListParams({ q: "x".repeat(101) }).errors).toHaveLength(1);
    expect(parseJobListParams({ type: "import" }).errors[0]).toMatch(/Import, Export/);
  });
});

describe("list query strings", () => {
  it("leaves out what is not set", () => {
    expect(listQuery({ rule: "R-E1", due: undefined, overdue: true, page: 2, q: "" })).toBe(
      "?rule=R-E1&overdue=1&page=2",
    );
    expect(listQuery({})).toBe("");
  });
});
