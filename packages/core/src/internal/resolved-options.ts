import type { ApiVersions } from '../config/api-versions';
import type { LoadedEnvironment } from '../config/env-file';
import type { Logger, LogLevel } from './logger';
import type { SharedBudget } from './rate-limiter';
import type { Secret } from './secret';
import type { FetchDispatcher } from './transport';

/** Circuit-breaker settings (D9). */
export interface CircuitBreakerOptions {
  /** Consecutive transient failures (5xx, timeout, network) that open the breaker. Default 5. */
  readonly failureThreshold?: number;
  /** How long the breaker stays open before one trial request, in milliseconds. Default 30 000. */
  readonly cooldownMs?: number;
}

/** Rate-limit settings (D8). */
export interface RateLimitOptions {
  /** Wait for the reset instead of sending when `X-RateLimit-Remaining` is 0. Default `true`. */
  readonly waitOnExhausted?: boolean;
  /** Requests in flight at once per client; the rest queue in order. Default 10. */
  readonly maxConcurrent?: number;
}

/** The options after defaults, environment and validation (D1–D4), as used by the request executor. */
export interface ResolvedClientOptions {
  /**
   * The bare token, without `Bearer `, in a holder that never prints it (`String()`, `JSON.stringify`,
   * `util.inspect` and spreading show `[REDACTED]`); `apiKey.reveal()` returns it.
   */
  readonly apiKey: Secret;
  /** The base URL, ending in `/v2`, without a trailing slash. */
  readonly baseUrl: string;
  /** The timeout of each attempt in milliseconds. */
  readonly timeoutMs: number;
  /** How many times a failed attempt may be retried. */
  readonly maxRetries: number;
  /** The longest wait before a retry, in milliseconds. */
  readonly maxRetryWaitMs: number;
  /** The `cal-api-version` per resource. */
  readonly apiVersions: ApiVersions;
  readonly userId: number | undefined;
  readonly orgId: number | undefined;
  /** The leveled, redacting logger. */
  readonly logger: Logger;
  readonly logLevel: LogLevel;
  readonly fetch: typeof globalThis.fetch | undefined;
  /** Circuit-breaker settings, or `false` when off. */
  readonly circuitBreaker: Required<CircuitBreakerOptions> | false;
  readonly rateLimit: Required<RateLimitOptions>;
  /** The shared request budget (`rateLimitStore`) and this key's hash in it, if any. */
  readonly rateLimitBudget: SharedBudget | undefined;
  /** Returns a fresh access token on 401/498. */
  readonly refreshToken: (() => Promise<string>) | undefined;
  /** The calendar clock, in epoch milliseconds. */
  readonly now: () => number;
  /** The caller's connection pool for fetch (`dispatcher`), if any. */
  readonly dispatcher: FetchDispatcher | undefined;
  /** The largest response body read, in bytes. */
  readonly maxResponseBytes: number;
  /** Where the `.env` file was looked for and the names it provided (never the values). */
  readonly environment: Omit<LoadedEnvironment, 'variables'>;
}
