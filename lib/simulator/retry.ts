/** Waiting and trying again, for the simulator: timers that a stop (Ctrl-C) cuts short. */
import { formatDuration } from "./copy-plan.ts";
import { TransientError, type ApiAnswer } from "./station-client.ts";

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

/**
 * Run a request until it answers: network errors and 5xx are retried with exponential backoff
 * (0.5 s, 1 s, 2 s, ... up to 30 s, with jitter), each time with the same idempotency key, so a
 * report that did arrive is not applied twice. Undefined when stopped; throws after `limit` attempts.
 */
export function retrier(
  attempts: number,
  deps: { sleep: (ms: number, signal: AbortSignal) => Promise<void> },
  signal: AbortSignal,
  log: (text: string) => void,
) {
  return async function retry<T>(
    what: string,
    request: () => Promise<ApiAnswer<T>>,
    limit = attempts,
  ): Promise<ApiAnswer<T> | undefined> {
    for (let attempt = 1; ; attempt++) {
      if (signal.aborted) return undefined;
      try {
        return await request();
      } catch (e) {
        if (!(e instanceof TransientError)) throw e;
        if (attempt >= limit) throw new Error(`${what}: ${e.message}, ${limit} attempts`);
        const backoff = Math.min(30_000, 500 * 2 ** (attempt - 1));
        const wait = e.retryAfterMs ?? Math.round(backoff * (0.75 + Math.random() * 0.5));
        log(`${what}: ${e.message}; trying again in ${formatDuration(wait)}`);
        await deps.sleep(wait, signal);
      }
    }
  };
}
