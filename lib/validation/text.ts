import { z } from "zod";

/**
 * The one validator for free text that people and clients send (names, notes, addresses, account
 * ids, file paths), in server actions and APIs alike. It refuses what has no place in text we
 * store and show to staff:
 * - NUL (PostgreSQL refuses it in text and JSON: unchecked, it was a 500) and every other C0 and
 *   C1 control character and DEL; a multi-line field keeps line feeds, carriage returns and tabs;
 * - bidi embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069): `abc\u202Egpj.exe`
 *   would show to staff as `abcexe.jpg`;
 * - zero-width and other invisible characters (U+200B..U+200F, U+2060..U+2064, U+180E) and the
 *   BOM (U+FEFF), which make two different texts look the same;
 * - the line and paragraph separators U+2028 and U+2029 (a line break only where one is allowed,
 *   and then as \n);
 * - Unicode noncharacters (U+FDD0..U+FDEF and the last two code points of every plane);
 * - lone UTF-16 surrogates (not text at all: a 500 in 5 Job API fields before this).
 *
 * Each schema names its field where it is used (the form shows the message beside the field, the
 * API's error `target` names it), so the message says what to do, not where.
 */

export const PRINTABLE_ONLY = "Use printable characters only.";

// Refused in every field. Written as a BMP-only class, so the same pattern means the same thing
// with and without the `u` flag (it is published in the OpenAPI document as `pattern`).
const ALWAYS_REFUSED =
  "\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u180E\\u200B-\\u200F" +
  "\\u2028-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFDD0-\\uFDEF\\uFEFF\\uFFFE\\uFFFF";
const LINE_BREAKS_AND_TAB = "\\u0009\\u000A\\u000D";

/** One line: none of the refused characters, no tab, no line break. */
export const ONE_LINE_PATTERN = new RegExp(`^[^${ALWAYS_REFUSED}${LINE_BREAKS_AND_TAB}]*$`);
/** Several lines: line feeds, carriage returns and tabs are allowed. */
export const MULTI_LINE_PATTERN = new RegExp(`^[^${ALWAYS_REFUSED}]*$`);

/** Kept for callers of the first version of this module: one line, no control character. */
export const NO_CONTROL_CHARACTERS = ONE_LINE_PATTERN;

/** Noncharacters outside the BMP: U+1FFFE, U+1FFFF, ..., U+10FFFE, U+10FFFF. */
function hasAstralNoncharacter(text: string): boolean {
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0xffff && (cp & 0xfffe) === 0xfffe) return true;
  }
  return false;
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/** True when `text` holds a character that printableText() (or multiLineText()) refuses. */
export function hasRefusedCharacters(text: string, multiLine = false): boolean {
  return (
    !(multiLine ? MULTI_LINE_PATTERN : ONE_LINE_PATTERN).test(text) ||
    hasLoneSurrogate(text) ||
    hasAstralNoncharacter(text)
  );
}

/** Older name, same rule (one line). */
export const hasControlCharacters = (text: string) => hasRefusedCharacters(text);

function freeText(multiLine: boolean) {
  return z
    .string()
    .trim()
    .regex(multiLine ? MULTI_LINE_PATTERN : ONE_LINE_PATTERN, PRINTABLE_ONLY)
    .refine((s) => !hasLoneSurrogate(s) && !hasAstralNoncharacter(s), PRINTABLE_ONLY);
}

/**
 * One line of printable text, trimmed. Chain `.min()`/`.max()` after it: they apply to the trimmed
 * text. The rule is a `pattern` in the OpenAPI document, so clients see it too.
 */
export function printableText() {
  return freeText(false);
}

/** Text of several lines (a note, a reason): line breaks and tabs allowed, nothing else invisible. */
export function multiLineText() {
  return freeText(true);
}

/**
 * A password: kept exactly as typed (never trimmed: spaces may be part of it), but with the same
 * characters refused as in one line of text, so that what a person types can be typed again.
 */
export function passwordText() {
  return z
    .string()
    .regex(ONE_LINE_PATTERN, PRINTABLE_ONLY)
    .refine((s) => !hasLoneSurrogate(s) && !hasAstralNoncharacter(s), PRINTABLE_ONLY);
}
