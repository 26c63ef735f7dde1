import type { RateLimitOptions } from './types';

/** Outcome of one rate-limit check. */
export interface RateLimitDecision {
  allowed: boolean;
  headers: Record<string, string>;
  limit: number;
  resetSeconds: number;
}

interface Bucket {
  windowStart: number;
  count: number;
  blockedUntil: number;
}

/** Per-tracker fixed-window limiter that mirrors Cal.com's `CustomThrottlerGuard`. */
export interface RateLimiter {
  /** Counts one request of `tracker` at `now` (epoch ms). */
  check(tracker: string, now: number): RateLimitDecision;
  /** Forgets all counters. */
  reset(): void;
}

/**
 * Creates the limiter: `limit` requests per `ttlMs` per tracker, then blocked for `blockMs`. Headers
 * `X-RateLimit-Limit-Default`, `-Remaining-Default` and `-Reset-Default` (seconds) go on every response.
 *
 * @param options Limits (default 120 / 60 000 ms / 60 000 ms).
 * @returns The limiter.
 */
export function createRateLimiter(options: RateLimitOptions = {}): RateLimiter {
  const limit = options.limit ?? 120;
  const ttlMs = options.ttlMs ?? 60_000;
  const blockMs = options.blockMs ?? 60_000;
  const buckets = new Map<string, Bucket>();
  const decision = (allowed: boolean, remaining: number, resetMs: number): RateLimitDecision => {
    const resetSeconds = Math.max(0, Math.ceil(resetMs / 1000));
    return {
      allowed,
      limit,
      resetSeconds,
      headers: {
        'x-ratelimit-limit-default': String(limit),
        'x-ratelimit-remaining-default': String(remaining),
        'x-ratelimit-reset-default': String(resetSeconds),
      },
    };
  };
  return {
    check(tracker, now) {
      let bucket = buckets.get(tracker);
      if (bucket === undefined || (now >= bucket.windowStart + ttlMs && now >= bucket.blockedUntil)) {
        bucket = { windowStart: now, count: 0, blockedUntil: 0 };
        buckets.set(tracker, bucket);
      }
      if (bucket.blockedUntil > now) return decision(false, 0, bucket.blockedUntil - now);
      bucket.count += 1;
      if (bucket.count > limit) {
        bucket.blockedUntil = now + blockMs;
        return decision(false, 0, blockMs);
      }
      return decision(true, limit - bucket.count, bucket.windowStart + ttlMs - now);
    },
    reset() {
      buckets.clear();
    },
  };
}
