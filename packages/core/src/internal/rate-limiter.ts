import { type Clock, sleep } from './clock';
import type { RateLimitStore } from './rate-limit-store';
import type { RateLimitSnapshot } from './request-types';

/** The rate-limit header pattern: `X-RateLimit-<Limit|Remaining|Reset>[-<Name>]`. */
const RATE_LIMIT_HEADER = /^x-ratelimit-(limit|remaining|reset)(?:-(.+))?$/i;

/**
 * Reads the rate-limit headers (D8), suffixed (`X-RateLimit-Remaining-Default`) or not. With several named limits it
 * returns the one with the most requests left, because Cal.com refuses a request only when all limits are exhausted.
 * `Reset` is seconds until the window resets (docs/CALCOM-API.md §5).
 */
export function parseRateLimitHeaders(headers: Headers, now: number): RateLimitSnapshot | undefined {
  const byName = new Map<string, { limit?: number; remaining?: number; reset?: number }>();
  for (const [header, value] of headers) {
    // Most headers (content-type, date, …) do not start with an x and stop at this test, before the pattern.
    if ((header.charCodeAt(0) | 0x20) !== 0x78) {
      continue;
    }
    const match = RATE_LIMIT_HEADER.exec(header);
    if (match === null) {
      continue;
    }
    const number = Number(value);
    if (value.trim() === '' || !Number.isFinite(number)) {
      continue;
    }
    const name = match[2] ?? '';
    const entry = byName.get(name) ?? {};
    entry[(match[1] as string).toLowerCase() as 'limit' | 'remaining' | 'reset'] = number;
    byName.set(name, entry);
  }
  let best: RateLimitSnapshot | undefined;
  for (const [name, entry] of byName) {
    const snapshot: RateLimitSnapshot = {
      name: name === '' ? undefined : name.charAt(0).toUpperCase() + name.slice(1),
      limit: entry.limit,
      remaining: entry.remaining,
      resetAt: entry.reset === undefined ? undefined : now + Math.max(0, entry.reset) * 1000,
      observedAt: now,
    };
    if (
      best === undefined ||
      (snapshot.remaining ?? Number.POSITIVE_INFINITY) > (best.remaining ?? Number.POSITIVE_INFINITY)
    ) {
      best = snapshot;
    }
  }
  return best;
}

/** A granted request slot; release it when the attempt ends. */
export type Release = () => void;

/** A shared request budget and this client's key in it (option `rateLimitStore`). */
export interface SharedBudget {
  readonly store: RateLimitStore;
  /** The budget's key: a hash of the token, never the token. */
  readonly key: string;
}

/**
 * Caps the requests in flight per client (FIFO queue), takes each request from the shared budget when there is one,
 * and tracks the latest rate-limit snapshot (D8).
 */
export class RateLimiter {
  snapshot: RateLimitSnapshot | undefined;
  private active = 0;
  private readonly queue: (() => void)[] = [];

  /**
   * Creates a rate limiter.
   *
   * @param budget The shared budget each request is taken from, if any.
   */
  constructor(
    private readonly maxConcurrent: number,
    private readonly clock: Clock,
    private readonly budget?: SharedBudget,
  ) {}

  get inFlight(): number {
    return this.active;
  }

  /** The number of requests waiting for a slot. */
  get queued(): number {
    return this.queue.length;
  }

  /**
   * Waits for a free slot, in arrival order, then for a request from the shared budget when there is one.
   *
   * @param signal Aborts the wait (the queued entry is removed, the slot freed).
   */
  async acquire(signal?: AbortSignal): Promise<Release> {
    const release = await this.acquireSlot(signal);
    if (this.budget === undefined) {
      return release;
    }
    try {
      for (;;) {
        const taken = await this.budget.store.take(this.budget.key);
        if (taken.granted) {
          return release;
        }
        await sleep(this.clock, taken.retryInMs, signal);
      }
    } catch (error) {
      release();
      throw error;
    }
  }

  /** Waits for a free slot, in arrival order. */
  private async acquireSlot(signal?: AbortSignal): Promise<Release> {
    signal?.throwIfAborted();
    if (this.active < this.maxConcurrent) {
      this.active += 1;
      return this.releaser();
    }
    await new Promise<void>((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        const index = this.queue.indexOf(grant);
        if (index >= 0) {
          this.queue.splice(index, 1);
        }
        reject(signal?.reason);
      };
      this.queue.push(grant);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    return this.releaser();
  }

  /** Returns how long to wait before sending: the time to the reset when `remaining` is 0, else 0. */
  exhaustedWaitMs(): number {
    const snapshot = this.snapshot;
    if (snapshot === undefined || snapshot.remaining !== 0 || snapshot.resetAt === undefined) {
      return 0;
    }
    return Math.max(0, snapshot.resetAt - this.clock.now());
  }

  /** Waits until the exhausted window resets, then forgets the snapshot so that requests flow again. */
  async waitForReset(ms: number, signal?: AbortSignal): Promise<void> {
    await sleep(this.clock, ms, signal);
    if (this.snapshot !== undefined && this.snapshot.remaining === 0) {
      this.snapshot = undefined;
    }
  }

  /**
   * Records the rate-limit headers of a response.
   *
   * @returns The snapshot of this response, or `undefined` when it had none (the previous one is kept).
   */
  observe(headers: Headers): RateLimitSnapshot | undefined {
    const snapshot = parseRateLimitHeaders(headers, this.clock.now());
    if (snapshot !== undefined) {
      this.snapshot = snapshot;
    }
    return snapshot;
  }

  /** Builds the release function of one slot; it hands the slot to the next queued request. */
  private releaser(): Release {
    let released = false;
    return () => {
      if (released) {
        return;
      }
      released = true;
      const next = this.queue.shift();
      if (next === undefined) {
        this.active -= 1;
      } else {
        next();
      }
    };
  }
}
