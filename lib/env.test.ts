import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env.ts";

describe("the settings schema (lib/env.ts)", () => {
  it("gives every setting its default on an empty environment", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      NODE_ENV: "development",
      EMBEDDED_DB_PORT: 54329,
      BCRYPT_COST: 12,
      DOCKSIDE_TRUSTED_PROXIES: 0,
      DOCKSIDE_TEST_HOOKS: false,
      DOCKSIDE_SWEEP_OFF: false,
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("reads an empty variable as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", EMBEDDED_DB_PORT: " " })).toMatchObject({
      DATABASE_URL: undefined,
      EMBEDDED_DB_PORT: 54329,
    });
  });

  it("reads numbers, flags and URLs", () => {
    const env = parseEnv({
      DATABASE_URL: "postgresql://u:p@db.example:5432/dockside",
      EMBEDDED_DB_PORT: "54400",
      BCRYPT_COST: "4",
      DOCKSIDE_TEST_HOOKS: "1",
      DOCKSIDE_SWEEP: "off",
      NODE_ENV: "production",
    });
    expect(env).toMatchObject({
      DATABASE_URL: "postgresql://u:p@db.example:5432/dockside",
      EMBEDDED_DB_PORT: 54400,
      BCRYPT_COST: 4,
      DOCKSIDE_TEST_HOOKS: true,
      DOCKSIDE_SWEEP_OFF: true,
      NODE_ENV: "production",
    });
  });

  it("stops with one sentence naming each wrong variable", () => {
    const wrong = () =>
      parseEnv({ BCRYPT_COST: "twelve", EMBEDDED_DB_PORT: "80", NEXTAUTH_URL: "not a url" });
    expect(wrong).toThrow(/^Dockside's settings are wrong: /);
    expect(wrong).toThrow(/BCRYPT_COST: must be a number/);
    expect(wrong).toThrow(/EMBEDDED_DB_PORT: must be at least 1024/);
    expect(wrong).toThrow(/NEXTAUTH_URL: must be a URL/);
  });

  it("switches the in-server sweep off only for DOCKSIDE_SWEEP=off", () => {
    expect(parseEnv({ DOCKSIDE_SWEEP: "on" }).DOCKSIDE_SWEEP_OFF).toBe(false);
    expect(parseEnv({ DOCKSIDE_SWEEP: "off" }).DOCKSIDE_SWEEP_OFF).toBe(true);
  });

  it("counts an out-of-range proxy count as no trusted proxy (never trust a typo)", () => {
    for (const bad of ["-1", "11", "two", "1.5"]) {
      expect(parseEnv({ DOCKSIDE_TRUSTED_PROXIES: bad }).DOCKSIDE_TRUSTED_PROXIES, bad).toBe(0);
    }
  });
});
