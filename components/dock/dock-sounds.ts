"use client";

import {
  parseSoundSettings,
  SOUND_PATTERNS,
  type DockSound,
  type SoundSettings,
} from "@/lib/dock/sounds.ts";

// Distinct tones a dock operator hears without looking (lib/dock/sounds.ts), at the volume and
// mute the operator chose on this browser.

const STORAGE_KEY = "dockside.dock.sound";
let context: AudioContext | null = null;
// When the last sound ends: the next one waits for it (a close then an open), never overlapping.
let quietAt = 0;

let cached: SoundSettings | null = null;
const listeners = new Set<() => void>();

/** The operator's sound settings on this browser (a store for useSyncExternalStore). */
export function soundSettings(): SoundSettings {
  if (cached) return cached;
  try {
    cached = parseSoundSettings(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    cached = parseSoundSettings(null);
  }
  return cached;
}

export function subscribeSoundSettings(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function saveSoundSettings(settings: SoundSettings): void {
  cached = settings;
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(settings));
  } catch {
    // Private mode or storage full: the setting lasts for this page only.
  }
  for (const listener of listeners) listener();
}

export function playSound(sound: DockSound, settings: SoundSettings = soundSettings()): void {
  if (settings.muted || settings.volume <= 0) return;
  try {
    context ??= new AudioContext();
    const now = context.currentTime;
    let start = quietAt > now && quietAt < now + 1 ? quietAt : now;
    for (const n of SOUND_PATTERNS[sound]) {
      const osc = context.createOscillator();
      const gain = context.createGain();
      osc.type = n.type;
      osc.frequency.value = n.freq;
      gain.gain.setValueAtTime(0.35 * settings.volume, start);
      gain.gain.exponentialRampToValueAtTime(0.001, start + n.ms / 1000);
      osc.connect(gain).connect(context.destination);
      osc.start(start);
      osc.stop(start + n.ms / 1000);
      start += (n.ms + n.gapMs) / 1000;
    }
    quietAt = start;
  } catch {
    // No audio device (or not allowed yet): the colour and the text still say it.
  }
}
