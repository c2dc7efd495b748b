/**
 * The status page's language: English or French (the seed documentation exists in both). A
 * `?lang=en|fr` link wins; else the browser's Accept-Language, best q first; else English. Dates
 * follow the reader's own regional tag when it is of the chosen language (fr-CA, en-US).
 */
export const LANGS = ["en", "fr"] as const;
export type Lang = (typeof LANGS)[number];

export type Locale = {
  lang: Lang;
  /** A BCP 47 tag for Intl formatting, of the same language. */
  formatTag: string;
  /** Where the choice came from: `?lang=` links keep the choice in the URL. */
  fromQuery: boolean;
};

const DEFAULT_TAG: Record<Lang, string> = { en: "en-GB", fr: "fr-FR" };

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

type Preference = { tag: string; q: number; order: number };

/** Accept-Language as tags sorted by q (ties keep their order); malformed entries are dropped. */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  const prefs: Preference[] = [];
  header
    .slice(0, 1000)
    .split(",")
    .forEach((part, order) => {
      const [rawTag, ...params] = part.trim().split(";");
      const tag = rawTag?.trim() ?? "";
      if (!/^(\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)$/.test(tag)) return;
      let q = 1;
      for (const p of params) {
        const m = /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p);
        if (m) q = Number(m[1]);
      }
      if (!Number.isFinite(q) || q <= 0 || q > 1) return;
      prefs.push({ tag, q, order });
    });
  return prefs.sort((a, b) => b.q - a.q || a.order - b.order).map((p) => p.tag);
}

/** A tag Intl can format with, without extensions (no surprise calendars), or null. */
function formatTagFor(tag: string, lang: Lang): string | null {
  try {
    const base = new Intl.Locale(tag).baseName;
    if (!base.toLowerCase().startsWith(lang)) return null;
    if (!/-[A-Za-z]{2}$|-\d{3}$/.test(base)) return null; // "fr" alone: use the default region
    return Intl.DateTimeFormat.supportedLocalesOf([base]).length ? base : null;
  } catch {
    return null;
  }
}

export function pickLocale(input: {
  query: string | null | undefined;
  acceptLanguage: string | null | undefined;
}): Locale {
  const tags = parseAcceptLanguage(input.acceptLanguage);
  const fromQuery = isLang(input.query);
  let lang: Lang = "en";
  if (isLang(input.query)) lang = input.query;
  else {
    const first = tags.find((t) => isLang(t.slice(0, 2).toLowerCase()) && /^..(-|$)/.test(t));
    if (first) lang = first.slice(0, 2).toLowerCase() as Lang;
  }
  const regional = tags.map((t) => formatTagFor(t, lang)).find((t): t is string => t !== null);
  return { lang, formatTag: regional ?? DEFAULT_TAG[lang], fromQuery };
}
