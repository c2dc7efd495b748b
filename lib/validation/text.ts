import { z } from "zod";

/**
 * Free text that people and clients send (names, addresses, account ids, file paths) and that we
 * store in PostgreSQL. PostgreSQL refuses the NUL character in text and JSON, so an unchecked
 * `\u0000` became a 500; the other C0 controls and DEL have no place in a one-line field either.
 */

export const PRINTABLE_ONLY = "Use printable characters only.";

/** No C0 control character (U+0000..U+001F: NUL, tab, newline, ...) and no DEL (U+007F). */
export const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001F\u007F]*$/;

/** True when the text holds a control character that printableText() refuses. */
export function hasControlCharacters(text: string): boolean {
  return !NO_CONTROL_CHARACTERS.test(text);
}

/**
 * One line of printable text, trimmed. Chain `.min()`/`.max()` after it: they apply to the trimmed
 * text. The rule is a `pattern` in the OpenAPI document, so clients see it too.
 */
export function printableText() {
  return z.string().trim().regex(NO_CONTROL_CHARACTERS, PRINTABLE_ONLY);
}
