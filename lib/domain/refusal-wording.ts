import type { Actor } from "./states.ts";

// Words shared by refusal messages; people read them at the dock and through the API.

/** How refusal messages name an actor. */
export const ACTOR_NAME: Readonly<Record<Actor, string>> = {
  customer: "A customer",
  operator: "An operator",
  supervisor: "A supervisor",
  copyStation: "A copy station",
  sweep: "The scheduled sweep",
};

const ACTOR_PLURAL: Readonly<Record<Actor, string>> = {
  customer: "customers",
  operator: "operators",
  supervisor: "supervisors",
  copyStation: "copy stations",
  sweep: "the scheduled sweep",
};

/** "operators and supervisors", "copy stations", "customers, operators and supervisors". */
export function actorList(actors: readonly Actor[]): string {
  const names = [...new Set(actors)].map((a) => ACTOR_PLURAL[a]);
  if (names.length <= 1) return names[0] ?? "nobody";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** "Specified or NeverReceived". */
export function orList(words: readonly string[]): string {
  const unique = [...new Set(words)];
  if (unique.length <= 1) return unique[0] ?? "";
  return `${unique.slice(0, -1).join(", ")} or ${unique[unique.length - 1]}`;
}

/** "1 day", "14 days". */
export function dayCount(n: number): string {
  return n === 1 ? "1 day" : `${n} days`;
}
