import { type Logger, MemoryRateLimitStore, type RateLimitStore, type RateLimitTake } from '@calcom-int/core';
import type { Redis } from 'ioredis';

/**
 * Sliding-window log per key, atomic in Redis. KEYS[1] is the log (a sorted set of grant times). ARGV: limit, window
 * in ms, a unique member. Time comes from Redis (`TIME`), so instances with skewed clocks still share one window.
 * Returns 0 when granted, else the milliseconds until the oldest grant leaves the window.
 */
const TAKE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + window - now)
`;

/**
 * Writes grants made while Redis was unreachable back into the log, so that the window after recovery counts them.
 * KEYS[1] is the log; ARGV: window in ms, then pairs of (age in ms, member).
 */
const REPLAY_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
for i = 2, #ARGV, 2 do
  redis.call('ZADD', KEYS[1], now - tonumber(ARGV[i]), ARGV[i + 1])
end
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[1]))
return 1
`;

/** What the store reports, for metrics. */
export type RedisRateLimitEvent =
  | { readonly type: 'granted'; readonly degraded: boolean }
  | { readonly type: 'wait'; readonly retryInMs: number; readonly degraded: boolean }
  | { readonly type: 'degraded'; readonly error: string }
  | { readonly type: 'recovered' };

/** Options of {@link RedisRateLimitStore}. */
export interface RedisRateLimitStoreOptions {
  /** The Redis connection (ioredis); see `createRedisConnection` for settings that fail fast when Redis is down. */
  readonly redis: Redis;
  /** Requests per window per key. Default 120 (Cal.com's limit for an API key, docs/CALCOM-API.md §5). */
  readonly limit?: number;
  /**
   * The window in milliseconds. Default 60 000 plus {@link RedisRateLimitStoreOptions.marginMs}: a request granted at
   * the end of one window may reach Cal.com later than one granted after it.
   */
  readonly windowMs?: number;
  /** Added to the window to absorb network delay between the grant and Cal.com's count. Default 250. */
  readonly marginMs?: number;
  /**
   * The budget of this process alone while Redis is unreachable, per window per key. Default a quarter of the limit, so
   * that up to four instances together stay under it; set `limit / instances` (rounded down) for more instances.
   */
  readonly degradedLimit?: number;
  /** The Redis key prefix. Default `calcom-int:rate:`. */
  readonly prefix?: string;
  /** Where the warning on degradation and the note on recovery go. Default `console`. */
  readonly logger?: Pick<Logger, 'warn' | 'info'>;
  /** Called on every grant, wait, degradation and recovery (for metrics). */
  readonly onEvent?: (event: RedisRateLimitEvent) => void;
  /** The local clock in epoch milliseconds, for the degraded budget. Default the system clock. */
  readonly now?: () => number;
}

/**
 * A {@link RateLimitStore} in Redis: one sliding-window budget per key (a hash of the API key, never the key) shared by
 * every process and machine that uses the same Redis, taken atomically by a Lua script. When Redis cannot be reached
 * it falls back to a local budget (a fraction of the limit) with a warning, and returns to Redis by itself when it
 * answers again, writing the local grants of the current window into Redis first.
 */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly redis: Redis;
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly prefix: string;
  private readonly logger: Pick<Logger, 'warn' | 'info'>;
  private readonly onEvent: (event: RedisRateLimitEvent) => void;
  private readonly now: () => number;
  private readonly local: MemoryRateLimitStore;
  private readonly localGrants = new Map<string, number[]>();
  private degraded = false;
  private sequence = 0;
  private readonly instance = Math.random().toString(36).slice(2, 10);

  /**
   * Creates the store.
   *
   * @param options The connection, the limit, the window and the degraded budget.
   */
  constructor(options: RedisRateLimitStoreOptions) {
    this.redis = options.redis;
    this.limit = positiveWhole(options.limit ?? 120, 'limit');
    this.windowMs =
      positiveWhole(options.windowMs ?? 60_000, 'windowMs') + wholeAtLeastZero(options.marginMs ?? 250, 'marginMs');
    const degradedLimit = positiveWhole(
      options.degradedLimit ?? Math.max(1, Math.floor(this.limit / 4)),
      'degradedLimit',
    );
    this.prefix = options.prefix ?? 'calcom-int:rate:';
    this.logger = options.logger ?? console;
    this.onEvent = options.onEvent ?? (() => {});
    this.now = options.now ?? (() => Date.now());
    this.local = new MemoryRateLimitStore({ limit: degradedLimit, windowMs: this.windowMs, now: this.now });
  }

  /** Whether the store is on its local budget because Redis is unreachable. */
  get isDegraded(): boolean {
    return this.degraded;
  }

  /**
   * Takes one request from `key`'s budget: in Redis, or locally while Redis is unreachable.
   *
   * @param key The budget's key (a hash of the token).
   * @returns Granted, or the wait before asking again.
   */
  async take(key: string): Promise<RateLimitTake> {
    const redisKey = `${this.prefix}${key}`;
    let waitMs: number;
    try {
      if (this.degraded) {
        await this.recover();
      }
      this.sequence += 1;
      waitMs = Number(await this.redis.eval(TAKE_SCRIPT, 1, redisKey, this.limit, this.windowMs, this.member()));
    } catch (error) {
      return this.takeLocally(key, error);
    }
    if (waitMs === 0) {
      // Also counted locally: should Redis fail, this process's own recent grants still limit its local budget.
      await this.local.take(key);
      this.onEvent({ type: 'granted', degraded: false });
      return { granted: true };
    }
    this.onEvent({ type: 'wait', retryInMs: waitMs, degraded: false });
    return { granted: false, retryInMs: waitMs };
  }

  /**
   * Takes a request from the local budget and remembers it for the replay.
   *
   * @param key The budget's key.
   * @param error Why Redis failed.
   * @returns The local answer.
   */
  private async takeLocally(key: string, error: unknown): Promise<RateLimitTake> {
    if (!this.degraded) {
      this.degraded = true;
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(
        `Redis is unreachable (${message}); using a local rate budget of a fraction of the limit until it answers again.`,
      );
      this.onEvent({ type: 'degraded', error: message });
    }
    const taken = await this.local.take(key);
    if (taken.granted) {
      const now = this.now();
      const grants = (this.localGrants.get(key) ?? []).filter((time) => time > now - this.windowMs);
      grants.push(now);
      this.localGrants.set(key, grants);
      this.onEvent({ type: 'granted', degraded: true });
    } else {
      this.onEvent({ type: 'wait', retryInMs: taken.retryInMs, degraded: true });
    }
    return taken;
  }

  /** Writes the local grants of the current window into Redis and leaves the degraded mode (throws while down). */
  private async recover(): Promise<void> {
    const now = this.now();
    for (const [key, grants] of this.localGrants) {
      const recent = grants.filter((time) => time > now - this.windowMs);
      if (recent.length > 0) {
        const pairs = recent.flatMap((time) => {
          this.sequence += 1;
          return [now - time, this.member()];
        });
        await this.redis.eval(REPLAY_SCRIPT, 1, `${this.prefix}${key}`, this.windowMs, ...pairs);
      }
    }
    this.localGrants.clear();
    this.degraded = false;
    this.logger.info('Redis answers again; the shared rate budget is back.');
    this.onEvent({ type: 'recovered' });
  }

  /**
   * A member name unique across instances.
   *
   * @returns The member.
   */
  private member(): string {
    return `${this.instance}:${this.sequence}`;
  }
}

/**
 * Checks a whole-number option greater than zero.
 *
 * @param value The value.
 * @param field The option's name.
 * @returns The value.
 */
function positiveWhole(value: number, field: string): number {
  if (!Number.isInteger(value) || value <= 0) {
    throw new RangeError(
      `RedisRateLimitStore: ${field} must be a whole number greater than 0, got ${String(value)}. Omit it for the default.`,
    );
  }
  return value;
}

/**
 * Checks a whole-number option of at least zero.
 *
 * @param value The value.
 * @param field The option's name.
 * @returns The value.
 */
function wholeAtLeastZero(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(
      `RedisRateLimitStore: ${field} must be a whole number of at least 0, got ${String(value)}. Omit it for the default.`,
    );
  }
  return value;
}
