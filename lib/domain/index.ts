// The pure rules of Dockside (DOMAIN.md). Nothing here reads a database, a framework or the clock.
export * from "./states.ts";
export * from "./refusal.ts";
export * from "./job-snapshot.ts";
export * from "./drive-transitions.ts";
export { driveResolutionTargets } from "./drive-guards.ts";
export * from "./drive-machine.ts";
export * from "./drive-arrival.ts";
export * from "./copy-progress.ts";
export * from "./job-transitions.ts";
export * from "./job-machine.ts";
export * from "./job-cancellation.ts";
export * from "./job-resolution.ts";
export * from "./derived-job-state.ts";
export * from "./percent-complete.ts";
export * from "./job-status.ts";
export * from "./timers.ts";
export * from "./incidents.ts";
export * from "./sign-in-throttle.ts";
