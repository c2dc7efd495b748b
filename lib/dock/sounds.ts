import type { ScanOutcomeKind } from "@/lib/dock-outcomes.ts";

/**
 * The dock's sounds, as data: one distinct pattern for each thing an operator must hear without
 * looking (components/dock/dock-sounds.ts plays them with Web Audio, no sound files).
 */
export type DockSound =
  "received" | "duplicate" | "held" | "refused" | "nearMatch" | "opened" | "closed";

export type Note = { freq: number; ms: number; type: OscillatorType; gapMs: number };

const note = (freq: number, ms: number, type: OscillatorType, gapMs = 40): Note => ({
  freq,
  ms,
  type,
  gapMs,
});

export const SOUND_PATTERNS: Record<DockSound, readonly Note[]> = {
  // One bright beep: in.
  received: [note(1320, 120, "sine")],
  // A soft short blip: nothing changed.
  duplicate: [note(880, 50, "triangle")],
  // Two square mids: set it aside, look at it.
  held: [note(660, 140, "square", 90), note(660, 140, "square")],
  // A long low buzz: not done.
  refused: [note(180, 450, "sawtooth")],
  // Three rising notes, a question: did you mean...?
  nearMatch: [note(523, 90, "triangle"), note(784, 90, "triangle"), note(1047, 140, "triangle")],
  // Two rising notes: a package opened.
  opened: [note(988, 80, "sine", 30), note(1319, 110, "sine")],
  // Three falling notes: a package closed.
  closed: [note(1319, 80, "sine", 30), note(988, 80, "sine", 30), note(659, 140, "sine")],
};

/** Which sound an outcome makes. */
export function soundFor(kind: ScanOutcomeKind): DockSound {
  switch (kind) {
    case "received":
    case "receivedLate":
    case "shippedBack":
      return "received";
    case "duplicate":
    case "undone":
      return "duplicate";
    case "held":
    case "extra":
      return "held";
    case "nearMatch":
    case "mistypedLabel":
      return "nearMatch";
    case "opened":
      return "opened";
    case "closed":
      return "closed";
    case "error":
      return "refused";
  }
}

export type SoundSettings = { volume: number; muted: boolean };
export const DEFAULT_SOUND_SETTINGS: SoundSettings = { volume: 0.8, muted: false };

/** Settings as stored (localStorage), read defensively: anything odd is the default. */
export function parseSoundSettings(stored: string | null): SoundSettings {
  if (!stored) return DEFAULT_SOUND_SETTINGS;
  try {
    const value = JSON.parse(stored) as Partial<SoundSettings>;
    const volume =
      typeof value.volume === "number" && Number.isFinite(value.volume)
        ? Math.min(1, Math.max(0, value.volume))
        : DEFAULT_SOUND_SETTINGS.volume;
    return { volume, muted: value.muted === true };
  } catch {
    return DEFAULT_SOUND_SETTINGS;
  }
}
