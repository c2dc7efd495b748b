"use client";

import type { SoundSettings } from "@/lib/dock/sounds.ts";

/** Mute and volume for the dock's sounds; kept on this browser (localStorage). Alt+M mutes. */
export function SoundControls({
  settings,
  onChange,
}: {
  settings: SoundSettings;
  onChange: (next: SoundSettings) => void;
}) {
  return (
    <div role="group" aria-label="Sound" className="flex flex-wrap items-center gap-3 text-sm">
      <button
        type="button"
        aria-pressed={settings.muted}
        onClick={() => onChange({ ...settings, muted: !settings.muted })}
        className="rounded-md border border-slate-400 px-3 py-1.5 font-medium aria-pressed:bg-slate-900 aria-pressed:text-white"
      >
        {settings.muted ? "Sound off" : "Sound on"}
        <span className="sr-only"> (mute)</span>
      </button>
      <label className="flex items-center gap-2">
        Volume
        <input
          type="range"
          min={0}
          max={100}
          step={10}
          value={Math.round(settings.volume * 100)}
          disabled={settings.muted}
          onChange={(e) => onChange({ ...settings, volume: Number(e.target.value) / 100 })}
          className="w-28 accent-slate-900"
        />
      </label>
    </div>
  );
}
