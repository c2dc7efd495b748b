import "server-only";

/**
 * A read that every request of this server process shares for a short while: the first request
 * computes it, the ones that arrive while it runs or within `freshMs` after it started get the same
 * answer, and the next one after that computes it again. For figures that are the same for every
 * reader and are read far more often than they change meaningfully (the supervisors' dashboard):
 * ten supervisors opening the dashboard at once cost the database one computation, not ten.
 * A failed computation is not kept: the next request tries again.
 */
export function sharedRead<T>(
  freshMs: number,
  compute: (now: Date) => Promise<T>,
): (now: Date) => Promise<T> {
  let current: { startedAt: number; value: Promise<T> } | null = null;
  return (now) => {
    const t = now.getTime();
    if (current && t >= current.startedAt && t - current.startedAt < freshMs) return current.value;
    const value = compute(now);
    const entry = { startedAt: t, value };
    current = entry;
    value.catch(() => {
      if (current === entry) current = null;
    });
    return value;
  };
}
