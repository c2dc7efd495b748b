/** Types of scripts/web-cluster.mjs (plain JavaScript, run by `node` in production). */
export function workerCount(env?: Record<string, string | undefined>, cores?: number): number;
export function workerEnv(index: number): Record<string, string>;
