/** What every form's server action answers (a plain type: client components import it too). */
export type ActionState =
  | { ok: true; message: string }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]> }
  | null;
