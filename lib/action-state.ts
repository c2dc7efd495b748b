/**
 * What every form's server action answers (a plain type: client components import it too).
 * `secret` carries a value shown once and never stored in the clear (a new status link, a new API
 * key): the form shows it from its own state, and it is not in any page the server renders.
 */
export type ActionState =
  | { ok: true; message: string; secret?: string }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]> }
  | null;
