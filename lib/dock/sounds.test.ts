import { describe, expect, it } from "vitest";
import type { ScanOutcomeKind } from "@/lib/dock-outcomes.ts";
import { parseSoundSettings, SOUND_PATTERNS, soundFor, type DockSound } from "./sounds.ts";

const KINDS: ScanOutcomeKind[] = [
  "received",
  "receivedLate",
  "duplicate",
  "held",
  "extra",
  "shippedBack",
  "error",
  "nearMatch",
  "mistypedLabel",
  "opened",
  "closed",
  "undone",
];

describe("the dock's sounds (issue 13)", () => {
  it("received, already received, held/extra, refused, near match, opened and closed each sound different", () => {
    const heard = (s: DockSound) => JSON.stringify(SOUND_PATTERNS[s]);
    const wanted: DockSound[] = [
      "received",
      "duplicate",
      "held",
      "refused",
      "nearMatch",
      "opened",
      "closed",
    ];
    expect(new Set(wanted.map(heard)).size).toBe(wanted.length);
    expect(soundFor("received")).toBe("received");
    expect(soundFor("duplicate")).toBe("duplicate");
    expect(soundFor("held")).toBe("held");
    expect(soundFor("extra")).toBe("held");
    expect(soundFor("error")).toBe("refused");
    expect(soundFor("nearMatch")).toBe("nearMatch");
    expect(soundFor("mistypedLabel")).toBe("nearMatch");
    expect(soundFor("opened")).toBe("opened");
    expect(soundFor("closed")).toBe("closed");
  });

  it("every outcome makes a sound", () => {
    for (const kind of KINDS) expect(SOUND_PATTERNS[soundFor(kind)].length).toBeGreaterThan(0);
  });

  it("stored settings are read defensively", () => {
    expect(parseSoundSettings(null)).toEqual({ volume: 0.8, muted: false });
    expect(parseSoundSettings("not json")).toEqual({ volume: 0.8, muted: false });
    expect(parseSoundSettings('{"volume":0.3,"muted":true}')).toEqual({ volume: 0.3, muted: true });
    expect(parseSoundSettings('{"volume":7}')).toEqual({ volume: 1, muted: false });
    expect(parseSoundSettings('{"volume":"loud","muted":"yes"}')).toEqual({
      volume: 0.8,
      muted: false,
    });
  });
});
