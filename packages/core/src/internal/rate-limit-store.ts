import { CalComConfigError } from '../errors/config-error';
import { nodeCrypto } from './node-crypto';

/** The answer of {@link RateLimitStore.take}: a granted request, or how long to wait before asking again. */
export type RateLimitTake = { readonly granted: true } | { readonly granted: false; readonly retryInMs: number };

/**
 * A request budget shared by every client that uses the same store: at most a fixed number of requests per window per
 * key, counted over a sliding window, so that no stretch of the window's length (whatever the server's window
 * boundaries) sees more. Cal.com allows an API key 120 requests per 60 seconds (docs/CALCOM-API.md §5). The client
 * takes one request from the budget before every attempt and waits when the budget says so.
 *
 * `MemoryRateLimitStore` shares a budget between the clients of one process; `@calcom-int/redis` shares it between
 * processes and machines.
 */
export interface RateLimitStore {
  /**
   * Takes one request from `key`'s budget.
   *
   * @param key The budget's key: a hash of the API key (never the key itself), see {@link rateLimitKey}.
   * @returns `{ granted: true }`, or `{ granted: false, retryInMs }` when the budget is used up.
   */
  take(key: string): Promise<RateLimitTake>;
}

/** Options of {@link MemoryRateLimitStore}. */
export interface MemoryRateLimitStoreOptions {
  /** Requests per window per key. Default 120 (Cal.com's limit for an API key). */
  readonly limit?: number;
  /** The window in milliseconds. Default 60 000. */
  readonly windowMs?: number;
  /** The clock in epoch milliseconds; the system clock by default. */
  readonly now?: () => number;
}

/**
 * Derives the budget key of a token: the first 32 hex digits of its SHA-256, so that no store ever holds the token.
 *
 * @param token The API key or access token, with or without `Bearer `.
 * @returns The key, e.g. `calcom:3f2a…`.
 */
export function rateLimitKey(token: string): string {
  const bare = token.replace(/^Bearer\s+/i, '').trim();
  return `calcom:${nodeCrypto().createHash('sha256').update(bare).digest('hex').slice(0, 32)}`;
}

/**
 * A {@link RateLimitStore} in this process's memory: a sliding-window log per key. Pass one instance to several
 * clients (`new CalComClient({ rateLimitStore })`) that use the same key, so that together they stay under its limit.
 */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  private readonly sent = new Map<string, number[]>();

  /**
   * Creates the store.
   *
   * @param options The limit, the window and the clock.
   */
  constructor(options: MemoryRateLimitStoreOptions = {}) {
    this.limit = positiveWhole(options.limit ?? 120, 'limit');
    this.windowMs = positiveWhole(options.windowMs ?? 60_000, 'windowMs');
    this.now = options.now ?? (() => Date.now());
  }

  /**
   * Takes one request from `key`'s budget.
   *
   * @param key The budget's key.
   * @returns Granted, or the wait until the oldest request in the window leaves it.
   */
  async take(key: string): Promise<RateLimitTake> {
    const now = this.now();
    const times = (this.sent.get(key) ?? []).filter((time) => time > now - this.windowMs);
    if (times.length < this.limit) {
      times.push(now);
      this.sent.set(key, times);
      return { granted: true };
    }
    this.sent.set(key, times);
    return { granted: false, retryInMs: Math.max(1, (times[0] ?? now) + this.windowMs - now) };
  }
}

/** Checks a whole-number option greater than zero. */
function positiveWhole(value: number, field: string): number {
  if (!Number.isInteger(value) || value <= 0) {
    throw new CalComConfigError(
      `MemoryRateLimitStore: ${field} must be a whole number greater than 0, got ${String(value)}. Omit it for the default.`,
      field,
    );
  }
  return value;
}
