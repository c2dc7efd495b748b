import { describe, expect, it } from "vitest";
import {
  DRIVE_STATE_DESCRIPTIONS,
  DRIVE_STATES,
  JOB_STATE_DESCRIPTIONS,
  JOB_STATES,
} from "@/lib/domain/states.ts";
import { html } from "./html.ts";
import { LANGS } from "./locale.ts";
import { MESSAGES } from "./messages.ts";

/** Every leaf of a messages object, by its path: strings, and functions called with samples. */
function leaves(value: unknown, path = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === "string") out.set(path, value);
  else if (typeof value === "function") {
    const sample = html`<time>2 May</time>`;
    const result: unknown = (value as (...a: unknown[]) => unknown)(sample, "in 3 days");
    out.set(path, String(result));
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      for (const [p, s] of leaves(v, path ? `${path}.${k}` : k)) out.set(p, s);
    }
  }
  return out;
}

describe("the status page's messages", () => {
  const en = leaves(MESSAGES.en);
  const fr = leaves(MESSAGES.fr);

  it("every key exists in English and in French, and none is empty", () => {
    expect([...fr.keys()].sort()).toEqual([...en.keys()].sort());
    for (const lang of LANGS) {
      for (const [key, text] of leaves(MESSAGES[lang])) {
        expect(text.trim(), `${lang}.${key}`).not.toBe("");
      }
    }
  });

  it("R-G1/R-G3: every job and drive state has a label and an explanation in both languages", () => {
    for (const lang of LANGS) {
      for (const s of JOB_STATES) {
        expect(MESSAGES[lang].jobStates[s].meaning.length, `${lang} ${s}`).toBeGreaterThan(40);
        expect(MESSAGES[lang].jobStates[s].next.length, `${lang} ${s}`).toBeGreaterThan(40);
      }
      for (const s of DRIVE_STATES) {
        expect(MESSAGES[lang].driveStates[s].meaning.length, `${lang} ${s}`).toBeGreaterThan(40);
      }
    }
  });

  it("the French is French: the explanations differ from the English", () => {
    for (const s of JOB_STATES) {
      expect(MESSAGES.fr.jobStates[s].meaning).not.toBe(MESSAGES.en.jobStates[s].meaning);
    }
    const same = [...en].filter(([k, v]) => fr.get(k) === v).map(([k]) => k);
    // State names shared by the API and a few labels may coincide; sentences must not.
    expect(same.every((k) => k.endsWith(".label"))).toBe(true);
  });

  it("keeps the rules' facts and timers in both languages (R-J2, R-J3, R-J5, R-J6, R-J11, R-J13, R-D5)", () => {
    const { en, fr } = MESSAGES;
    expect(en.jobStates.Creating.next).toMatch(/14 days.*every update starts those 14 days again/);
    expect(fr.jobStates.Creating.next).toMatch(/14 jours.*relance ces 14 jours/);
    expect(en.jobStates.Shipping.meaning).toMatch(/carrier and tracking number.*return address/);
    expect(en.jobStates.Shipping.next).toContain("14 days after the shipping details");
    expect(fr.jobStates.Shipping.next).toContain("14 jours après");
    for (const s of ["Completed", "Closed"] as const) {
      expect(en.jobStates[s].next).toContain("90 days");
      expect(fr.jobStates[s].next).toContain("90 jours");
    }
    expect(en.driveStates.NeverReceived.meaning).toContain("14 days");
    expect(fr.driveStates.NeverReceived.meaning).toContain("14 jours");
    // R-J12: Closed is about errors, and says which.
    expect(en.jobStates.Closed.meaning).toMatch(/errors/);
  });

  it("the console and the status page read one source for what a state means", () => {
    for (const s of JOB_STATES) {
      expect(JOB_STATE_DESCRIPTIONS[s]).toBe(MESSAGES.en.jobStates[s].meaning);
    }
    for (const s of DRIVE_STATES) {
      expect(DRIVE_STATE_DESCRIPTIONS[s]).toBe(MESSAGES.en.driveStates[s].meaning);
    }
  });

  it("R-J7, R-D4: Received never claims that every drive arrived", () => {
    expect(MESSAGES.en.jobStates.Received.meaning).not.toMatch(/all drives have arrived/i);
    expect(MESSAGES.en.jobStates.Received.meaning).toContain("never received");
  });

  it("French typography: every colon, semicolon, question and exclamation mark follows a no-break space", () => {
    const offenders: string[] = [];
    for (const [key, value] of fr) {
      // What the reader sees: no markup, no character references.
      const seen = value.replace(/<[^>]*>/g, "").replace(/&(#\d+|[a-z]+);/gi, "’");
      for (const m of seen.matchAll(/[:;?!]/g)) {
        if (m.index === 0 || seen[m.index - 1] !== "\u00a0") {
          offenders.push(`${key}: …${seen.slice(Math.max(0, m.index - 20), m.index + 1)}`);
        }
      }
    }
    expect(offenders).toEqual([]);
    // The check itself sees a plain space, a line break and a missing space.
    for (const bad of [
      "Travail X : état",
      "d’ici le 7 décembre (dans 3 jours)\n  : un",
      "Reçu; ok",
    ]) {
      expect(bad.match(/[^\u00a0][:;?!]/), bad).not.toBeNull();
    }
  });

  it("French deadlines: “d’ici le” or “avant le” a date, and the future for what is to come", () => {
    const d = MESSAGES.fr.deadlines;
    const at = html`<time>7 décembre</time>`;
    const due = String(d.packageDue.upcoming(at, "dans 3 jours"));
    expect(due).toContain("d’ici le <time>7 décembre</time>");
    expect(due).toContain("passeront à");
    expect(due).toContain("sera alertée");
    expect(String(d.answerMissingPackage.passed(at))).toContain("avant le <time>");
    for (const sentence of [...fr.values()]) expect(sentence).not.toMatch(/(^|\s)au <time>/);
    expect(MESSAGES.fr.extraDriveMeaning).toContain("il vous revient avec les autres disques");
  });

  it("sentences with a date place it, and count the days left", () => {
    const sentence = String(
      MESSAGES.fr.deadlines.creatingExpires.upcoming(html`<time>X</time>`, "dans 3 jours"),
    );
    expect(sentence).toContain("<time>X</time>");
    expect(sentence).toContain("dans 3 jours");
  });
});
