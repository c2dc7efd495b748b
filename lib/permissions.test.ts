import { describe, expect, it } from "vitest";
import { NAVIGATION, PERMISSIONS, ROLES, can, type Permission } from "@/lib/permissions.ts";

const permissions = Object.keys(PERMISSIONS) as Permission[];

describe("who may do what (lib/permissions.ts)", () => {
  it("lets a supervisor do everything an operator can", () => {
    for (const p of permissions) if (can("operator", p)) expect(can("supervisor", p), p).toBe(true);
  });

  it("names one thing per permission: cancelling, incidents, alerts and the dock override are apart from faults", () => {
    expect(PERMISSIONS["faults:resolve"]).toEqual(["supervisor"]);
    expect(PERMISSIONS["incidents:work"]).toEqual(["supervisor"]);
    expect(PERMISSIONS["alerts:read"]).toEqual(["supervisor"]);
    expect(PERMISSIONS["jobs:cancel"]).toEqual(["supervisor"]);
    expect(PERMISSIONS["dock:override"]).toEqual(["supervisor"]);
  });

  it("keeps drives' keys and the dock from admins, and users and API keys from everyone else", () => {
    expect(can("admin", "keys:reveal")).toBe(false);
    expect(can("admin", "dock:work")).toBe(false);
    for (const role of ROLES) {
      expect(can(role, "users:manage")).toBe(role === "admin");
      expect(can(role, "apiKeys:manage")).toBe(role === "admin");
      expect(can(role, "webhooks:manage")).toBe(role === "admin");
    }
  });

  it("shows every role a navigation entry it may open, and at least one", () => {
    for (const role of ROLES) {
      const entries = NAVIGATION.filter((n) => can(role, n.permission));
      expect(entries.length, role).toBeGreaterThan(0);
    }
    for (const n of NAVIGATION) expect(permissions).toContain(n.permission);
  });
});
