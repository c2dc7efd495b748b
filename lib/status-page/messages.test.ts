import { describe, expect, it } from "vitest";
import { DRIVE_STATES, JOB_STATES } from "@/lib/domain/states.ts";
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

  it("uses the seed's own wording (R-J2, R-J11, R-D5)", () => {
    expect(MESSAGES.en.jobStates.Creating.next).toContain(
      "A job may remain in the Creating state for up to two weeks, after which it is automatically deleted by the service.",
    );
    expect(MESSAGES.fr.jobStates.Creating.next).toContain(
      "Un travail peut rester dans l’état Creating pendant deux semaines maximum.",
    );
    expect(MESSAGES.fr.jobStates.Completed.next).toBe(
      "Le travail est automatiquement supprimé au bout de 90 jours dans l’état Completed.",
    );
    expect(MESSAGES.en.driveStates.NeverReceived.meaning).toContain(
      "if it has been two weeks since the service received the shipping information",
    );
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
    expect(due).toContain("n’est pas arrivé d’ici le <time>7 décembre</time>");
    expect(due).toContain("passeront à");
    expect(due).toContain("seront notifiés");
    expect(String(d.answerMissingPackage.passed(at))).toContain("avant le <time>");
    for (const sentence of [...fr.values()]) expect(sentence).not.toMatch(/(^|\s)au <time>/);
    expect(MESSAGES.fr.extraDriveMeaning).toContain("vous seront renvoyés lorsque le travail sera");
  });

  it("sentences with a date place it, and count the days left", () => {
    const sentence = String(
      MESSAGES.fr.deadlines.creatingExpires.upcoming(html`<time>X</time>`, "dans 3 jours"),
    );
    expect(sentence).toContain("<time>X</time>");
    expect(sentence).toContain("dans 3 jours");
  });
});
