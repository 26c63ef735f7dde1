import {
  bookingsVersion,
  byteLimit,
  calendarClock,
  checkDispatcher,
  identifier,
  positiveNumber,
  rateLimitBudget,
  refuseRemovedOptions,
  wholeNumber,
} from './client-option-checks';
import { normaliseApiKey } from './config/api-key';
import { type ApiResource, type BookingsApiVersion, DEFAULT_API_VERSIONS } from './config/api-versions';
import { normaliseBaseUrl } from './config/base-url';
import { loadEnvironment } from './config/env-file';
import { CalComConfigError } from './errors/config-error';
import { createLogger, isLogLevel, type Logger, type LogLevel } from './internal/logger';
import type { CircuitBreakerOptions, RateLimitOptions, ResolvedClientOptions } from './internal/resolved-options';
import { Secret } from './internal/secret';
import type { FetchDispatcher } from './internal/transport';

export type { FetchDispatcher } from './internal/transport';

import type { RateLimitStore } from './internal/rate-limit-store';

/** Options of `new CalComClient(options)`. Every option is optional; explicit options win over the environment. */
export interface CalComClientOptions {
  /** The API key (`cal_…`, `cal_live_…`, `Bearer …`) or an OAuth access token. Default `CAL_COM_API_KEY`. */
  readonly apiKey?: string;
  /** The API base URL ending in `/v2`. Default `CAL_COM_BASE_URL`, else `https://api.cal.com/v2`. */
  readonly baseUrl?: string;
  /** The timeout of each attempt in milliseconds. Default 30 000. */
  readonly timeoutMs?: number;
  /** How many times a failed attempt may be retried (D6). Default 3. */
  readonly maxRetries?: number;
  /** The longest wait before a retry, in milliseconds; a longer server-requested wait throws instead. Default 60 000. */
  readonly maxRetryWaitMs?: number;
  /** Per-resource `cal-api-version` overrides, e.g. `{ bookings: '2026-02-25' }`. */
  readonly apiVersions?: Partial<Record<ApiResource, string | undefined>>;
  /**
   * The bookings API version: `2024-08-13` (default, the version of Cal.com's OpenAPI document) or `2026-02-25` (the
   * newer controller at the same paths, docs/CALCOM-API.md §3.3). Any other value is refused, because Cal.com silently
   * serves an unknown version with its legacy controller. Wins over `apiVersions.bookings`, which must then agree.
   */
  readonly bookingsApiVersion?: BookingsApiVersion;
  /** The Cal.com user id. Default `CAL_COM_USER_ID`. */
  readonly userId?: number;
  /** The Cal.com organisation id. Default `CAL_COM_ORG_ID`. */
  readonly orgId?: number;
  /** Where log lines go. Default `console`. */
  readonly logger?: Logger;
  /** The most verbose level to log. Default `CAL_COM_LOG`, else `silent`. */
  readonly logLevel?: LogLevel;
  /** The fetch implementation. Default `globalThis.fetch` (looked up on every request). */
  readonly fetch?: typeof globalThis.fetch;
  /** Circuit-breaker settings, or `false` to turn it off. */
  readonly circuitBreaker?: CircuitBreakerOptions | false;
  /** Rate-limit settings. */
  readonly rateLimit?: RateLimitOptions;
  /**
   * A request budget shared with other clients of the same key: the client takes every attempt from it and waits
   * while it is used up. `new MemoryRateLimitStore()` shares it within one process, `RedisRateLimitStore` from
   * `@calcom-int/redis` between processes. The budget's key is a hash of the API key (`rateLimitKey`), never the key.
   * Default: none (the client only obeys Cal.com's rate-limit headers).
   */
  readonly rateLimitStore?: RateLimitStore;
  /**
   * A `.env` file, absolute or relative to the working directory. Default: the nearest `.env` from the working
   * directory up to the project root (the first folder with `pnpm-workspace.yaml`, `.git` or a `package.json` with
   * `workspaces`).
   */
  readonly envFile?: string;
  /** Returns a fresh access token; called once when Cal.com answers 401 or 498 (OAuth). */
  readonly refreshToken?: () => Promise<string>;
  /**
   * The calendar clock: what "now" is when the client refuses a start time in the past, picks the slot-check window
   * and ages its cached profile. Default: the system clock. Timeouts, backoff and rate-limit waits always run on real
   * timers. In tests, pass the simulator's clock so both sides agree on the date (`now: () => simulator.now()`).
   */
  readonly now?: () => Date;
  /**
   * A connection pool for Node's built-in `fetch`, passed to every request as fetch's `dispatcher`: an undici
   * `Dispatcher`, e.g. `new Agent({ connections: 10, keepAliveTimeout: 10_000 })` from the `undici` package (a proxy
   * agent, a socket limit, custom TLS). Default: none; fetch keeps connections alive and reuses them by itself. The
   * client never closes it: close it yourself after `close()`. Ignored by a custom `fetch` that has no such option.
   */
  readonly dispatcher?: FetchDispatcher;
  /**
   * The largest response body the client reads, in bytes: a longer success answer throws
   * `CalComResponseTooLargeError` as soon as `content-length` or the bytes read pass it, without buffering the rest.
   * Default 10 485 760 (10 MiB; a page of 100 bookings is about 100 KB).
   */
  readonly maxResponseBytes?: number;
}

/** Where {@link resolveClientOptions} reads the environment from; tests pass temp folders. */
export interface ResolveContext {
  /** The environment variables. Default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The working directory. Default `process.cwd()`. */
  readonly cwd?: string;
}

/** The default number of retries (D6). */
export const DEFAULT_MAX_RETRIES = 3;
/** The default per-attempt timeout in milliseconds (D5). */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** The default longest wait before a retry, in milliseconds (Cal.com blocks for 60 s). */
export const DEFAULT_MAX_RETRY_WAIT_MS = 60_000;
/** The default largest response body read, in bytes: 10 MiB (a page of 100 bookings is about 100 KB). */
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

/**
 * Resolves client options: explicit options win, then the environment, then the nearest `.env` file (never
 * overriding variables already set), then defaults. Validates everything and throws a `CalComConfigError` naming the
 * option and how to fix it.
 */
export function resolveClientOptions(
  options: CalComClientOptions = {},
  context: ResolveContext = {},
): ResolvedClientOptions {
  const processEnv = context.env ?? process.env;
  const environment = loadEnvironment({ cwd: context.cwd ?? process.cwd(), envFile: options.envFile, env: processEnv });
  const read = (name: string): string | undefined => environment.variables[name];

  const logLevelSource = options.logLevel ?? read('CAL_COM_LOG');
  if (logLevelSource !== undefined && !isLogLevel(logLevelSource)) {
    throw new CalComConfigError(
      `logLevel "${logLevelSource}" is not a log level. Use one of silent, error, warn, info, debug (option logLevel or CAL_COM_LOG).`,
      'logLevel',
    );
  }
  const logLevel: LogLevel = logLevelSource ?? 'silent';
  const logger = createLogger(options.logger ?? console, logLevel);
  for (const line of environment.log) {
    logger.debug(line);
  }

  const rawKey = options.apiKey ?? read('CAL_COM_API_KEY');
  if (rawKey === undefined) {
    throw new CalComConfigError(
      `No Cal.com API key: pass { apiKey } or set CAL_COM_API_KEY in the environment or in a .env file (looked for: ${environment.searched.join(', ')}). Create a key at https://app.cal.com/settings/developer/api-keys (it starts with cal_ or cal_live_).`,
      'CAL_COM_API_KEY',
    );
  }
  const apiKey = normaliseApiKey(rawKey, options.apiKey === undefined ? 'CAL_COM_API_KEY' : 'apiKey');
  const baseUrl = normaliseBaseUrl(
    options.baseUrl ?? read('CAL_COM_BASE_URL'),
    options.baseUrl === undefined ? 'CAL_COM_BASE_URL' : 'baseUrl',
  );

  refuseRemovedOptions(options);
  const breaker = options.circuitBreaker;
  return {
    apiKey: new Secret(apiKey),
    baseUrl,
    timeoutMs: positiveNumber(options.timeoutMs, DEFAULT_TIMEOUT_MS, 'timeoutMs'),
    maxRetries: wholeNumber(options.maxRetries, DEFAULT_MAX_RETRIES, 'maxRetries'),
    maxRetryWaitMs: wholeNumber(options.maxRetryWaitMs, DEFAULT_MAX_RETRY_WAIT_MS, 'maxRetryWaitMs'),
    apiVersions: Object.freeze({
      ...DEFAULT_API_VERSIONS,
      ...options.apiVersions,
      ...bookingsVersion(options),
    }),
    userId: identifier(options.userId, read('CAL_COM_USER_ID'), 'CAL_COM_USER_ID'),
    orgId: identifier(options.orgId, read('CAL_COM_ORG_ID'), 'CAL_COM_ORG_ID'),
    logger,
    logLevel,
    fetch: options.fetch,
    circuitBreaker:
      breaker === false
        ? false
        : {
            failureThreshold: positiveNumber(breaker?.failureThreshold, 5, 'circuitBreaker.failureThreshold'),
            cooldownMs: positiveNumber(breaker?.cooldownMs, 30_000, 'circuitBreaker.cooldownMs'),
          },
    rateLimit: {
      waitOnExhausted: options.rateLimit?.waitOnExhausted ?? true,
      maxConcurrent: positiveNumber(options.rateLimit?.maxConcurrent, 10, 'rateLimit.maxConcurrent'),
    },
    rateLimitBudget: rateLimitBudget(options.rateLimitStore, apiKey),
    refreshToken: options.refreshToken,
    now: calendarClock(options.now),
    dispatcher: checkDispatcher(options.dispatcher),
    maxResponseBytes: byteLimit(options.maxResponseBytes, DEFAULT_MAX_RESPONSE_BYTES),
    // Not the variables: they hold the key (and the rest of the process environment).
    environment: {
      searched: environment.searched,
      loadedFrom: environment.loadedFrom,
      loadedNames: environment.loadedNames,
      log: environment.log,
    },
  };
}
