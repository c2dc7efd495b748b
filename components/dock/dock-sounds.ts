"use client";

import type { ScanTone } from "@/lib/dock-outcomes.ts";

// Loud, distinct tones a dock operator hears without looking: high = in, two mids = look at it,
// low buzz = not done, soft blip = nothing changed.
const PATTERNS: Record<
  ScanTone,
  { freq: number; ms: number; gap?: number; repeat?: number; type: OscillatorType }
> = {
  success: { freq: 1320, ms: 120, type: "sine" },
  warning: { freq: 660, ms: 140, gap: 90, repeat: 2, type: "square" },
  error: { freq: 180, ms: 450, type: "sawtooth" },
  info: { freq: 880, ms: 60, type: "triangle" },
};

let context: AudioContext | null = null;

export function playTone(tone: ScanTone): void {
  try {
    context ??= new AudioContext();
    const p = PATTERNS[tone];
    for (let i = 0; i < (p.repeat ?? 1); i++) {
      const start = context.currentTime + (i * (p.ms + (p.gap ?? 0))) / 1000;
      const osc = context.createOscillator();
      const gain = context.createGain();
      osc.type = p.type;
      osc.frequency.value = p.freq;
      gain.gain.setValueAtTime(0.25, start);
      gain.gain.exponentialRampToValueAtTime(0.001, start + p.ms / 1000);
      osc.connect(gain).connect(context.destination);
      osc.start(start);
      osc.stop(start + p.ms / 1000);
    }
  } catch {
    // No audio device (or not allowed yet): the colour and the text still say it.
  }
}
