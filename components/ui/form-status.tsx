import type { ActionState } from "@/lib/action-state.ts";

/** The outcome of a form's action, announced to screen readers as it changes. */
export function FormStatus({ state }: { state: ActionState }) {
  return (
    <p
      role="status"
      aria-live="polite"
      className={`min-h-6 text-sm font-medium ${state?.ok ? "text-emerald-800" : "text-red-800"}`}
    >
      {state ? (state.ok ? state.message : describeError(state)) : ""}
    </p>
  );
}

function describeError(state: { error: string; fieldErrors?: Record<string, string[]> }): string {
  const details = Object.values(state.fieldErrors ?? {}).flat();
  // Forms that mark each field show details there; small inline forms have only this line.
  return details.length
    ? `${state.error.replace(/ marked below\.$/, ":")} ${details.join(" ")}`
    : state.error;
}
