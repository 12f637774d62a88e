/**
 * A sliding-window rate limit per key: at most `limit` events per `windowMs` for each key.
 * Pure (the caller passes the clock) and bounded in memory (keys idle for a window are dropped).
 * @module
 */

export interface RateLimiter {
  /** Records an event for `key` at `now` and says whether it is within the limit (refused events are not recorded). */
  allow(key: string, now: number): boolean;
}

/**
 * @example
 * const details = createRateLimiter({ limit: 1, windowMs: 3000 });
 * details.allow('tab:7', 0); // true
 * details.allow('tab:7', 1000); // false
 * details.allow('tab:7', 3000); // true
 */
export function createRateLimiter(options: { limit: number; windowMs: number }): RateLimiter {
  const seen = new Map<string, number[]>();
  return {
    allow(key, now) {
      if (seen.size > 1000) {
        for (const [other, times] of seen) if (!times.length || now - times[times.length - 1]! >= options.windowMs) seen.delete(other);
      }
      const times = (seen.get(key) ?? []).filter((time) => now - time < options.windowMs && time <= now);
      if (times.length >= options.limit) {
        seen.set(key, times);
        return false;
      }
      times.push(now);
      seen.set(key, times);
      return true;
    },
  };
}
