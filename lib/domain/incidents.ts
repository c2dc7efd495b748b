/**
 * The error events (R-E1..R-E5), one purpose a file: the kinds, what each means and when it
 * applies, the deadlines an open incident keeps, who may open and work one, and the outcomes a
 * supervisor records. This file gathers them for callers that want them all.
 */
export * from "./incident-kinds.ts";
export * from "./incident-definitions.ts";
export * from "./incident-snapshot.ts";
export * from "./incident-deadlines.ts";
export * from "./incident-opening.ts";
export * from "./incident-outcomes.ts";
export * from "./return-address.ts";
