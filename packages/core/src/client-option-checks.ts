import type { CalComClientOptions } from './client-options';
import { BOOKINGS_API_VERSIONS, type BookingsApiVersion } from './config/api-versions';
import { CalComConfigError } from './errors/config-error';
import { type RateLimitStore, rateLimitKey } from './internal/rate-limit-store';
import type { FetchDispatcher } from './internal/transport';

// The checks of single client options: each refuses a bad value with a `CalComConfigError` naming the option and the
// fix, or returns the value the client uses.

/** Checks the `bookingsApiVersion` option. */
export function bookingsVersion(options: CalComClientOptions): { bookings?: BookingsApiVersion } {
  const chosen: unknown = options.bookingsApiVersion;
  if (chosen === undefined) return {};
  if (!(BOOKINGS_API_VERSIONS as readonly unknown[]).includes(chosen)) {
    throw new CalComConfigError(
      `bookingsApiVersion ${JSON.stringify(chosen)} is not a bookings version the client supports. Use ${BOOKINGS_API_VERSIONS.join(' or ')} (Cal.com serves an unknown version with its legacy controller, docs/CALCOM-API.md §3.1).`,
      'bookingsApiVersion',
    );
  }
  const override = options.apiVersions?.bookings;
  if (override !== undefined && override !== chosen) {
    throw new CalComConfigError(
      `bookingsApiVersion is ${String(chosen)} but apiVersions.bookings is ${override}. Pass only one of them.`,
      'bookingsApiVersion',
    );
  }
  return { bookings: chosen as BookingsApiVersion };
}

/**
 * Refuses the pool options the client had while it created its own undici `Agent` (`keepAliveTimeoutMs`,
 * `connections`), so that a JavaScript caller who still passes them learns what replaced them instead of losing them.
 */
export function refuseRemovedOptions(options: CalComClientOptions): void {
  const given = options as { readonly keepAliveTimeoutMs?: unknown; readonly connections?: unknown };
  for (const field of ['keepAliveTimeoutMs', 'connections'] as const) {
    if (given[field] !== undefined) {
      throw new CalComConfigError(
        `${field} is no longer an option: the client uses fetch's own keep-alive pool. Remove it, or pass your own pool as dispatcher, e.g. new Agent({ connections: 10, keepAliveTimeout: 10_000 }) from the undici package.`,
        field,
      );
    }
  }
}

/** Checks the `dispatcher` option: an object with a `dispatch` method (an undici `Dispatcher`). */
export function checkDispatcher(dispatcher: FetchDispatcher | undefined): FetchDispatcher | undefined {
  if (dispatcher === undefined) {
    return undefined;
  }
  const candidate: unknown = dispatcher;
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    typeof (candidate as { dispatch?: unknown }).dispatch !== 'function'
  ) {
    throw new CalComConfigError(
      `dispatcher must be an undici Dispatcher (an object with a dispatch method), got ${candidate === null ? 'null' : typeof candidate}. Pass e.g. new Agent({ connections: 10 }) from the undici package, or omit it to use fetch's own pool.`,
      'dispatcher',
    );
  }
  return dispatcher;
}

/** Checks a number option that must be greater than zero. */
export function positiveNumber(value: number | undefined, fallback: number, field: string): number {
  if (value === undefined) {
    return fallback;
  }
  if (!Number.isFinite(value) || value <= 0) {
    throw new CalComConfigError(
      `${field} must be a number greater than 0, got ${String(value)}. Omit it to use ${fallback}.`,
      field,
    );
  }
  return value;
}

/** Checks a number option that must be a whole number of at least zero. */
export function wholeNumber(value: number | undefined, fallback: number, field: string): number {
  if (value === undefined) {
    return fallback;
  }
  if (!Number.isInteger(value) || value < 0) {
    throw new CalComConfigError(
      `${field} must be a whole number of at least 0, got ${String(value)}. Omit it to use ${fallback}.`,
      field,
    );
  }
  return value;
}

/** Checks the `maxResponseBytes` option: a whole number of bytes, at least 1. */
export function byteLimit(value: number | undefined, fallback: number): number {
  if (value === undefined) {
    return fallback;
  }
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new CalComConfigError(
      `maxResponseBytes must be a whole number of bytes of at least 1, got ${String(value)}. Omit it to use ${fallback} (${fallback / 1024 / 1024} MiB).`,
      'maxResponseBytes',
    );
  }
  return value;
}

/** Checks the `rateLimitStore` option and pairs it with the budget key of the API key. */
export function rateLimitBudget(
  store: RateLimitStore | undefined,
  apiKey: string,
): { readonly store: RateLimitStore; readonly key: string } | undefined {
  if (store === undefined) {
    return undefined;
  }
  if (typeof (store as Partial<RateLimitStore>).take !== 'function') {
    throw new CalComConfigError(
      'rateLimitStore must have a take(key) method (a RateLimitStore such as new MemoryRateLimitStore()). Omit it to use no shared budget.',
      'rateLimitStore',
    );
  }
  return { store, key: rateLimitKey(apiKey) };
}

/** Reads a numeric id from an option or an environment variable. */
export function identifier(option: number | undefined, variable: string | undefined, name: string): number | undefined {
  const value = option ?? (variable === undefined || variable.trim() === '' ? undefined : Number(variable.trim()));
  if (value !== undefined && (!Number.isInteger(value) || value <= 0)) {
    throw new CalComConfigError(
      `${name} must be a positive whole number (a Cal.com id), got "${String(option ?? variable)}". Fix or remove it.`,
      name,
    );
  }
  return value;
}

/**
 * Checks the `now` option and wraps it so that a clock returning something other than a valid `Date` fails loudly
 * with the option's name instead of comparing against `NaN`.
 */
export function calendarClock(now: (() => Date) | undefined): () => number {
  if (now === undefined) {
    return () => Date.now();
  }
  if (typeof now !== 'function') {
    throw new CalComConfigError(
      `now must be a function that returns the current Date, got ${typeof now}. Omit it to use the system clock.`,
      'now',
    );
  }
  return () => {
    const value: unknown = now();
    const time = value instanceof Date ? value.getTime() : Number.NaN;
    if (Number.isNaN(time)) {
      throw new CalComConfigError(
        `now() must return a valid Date, got ${value instanceof Date ? 'an invalid Date' : typeof value}. Fix the clock passed as now, or omit it to use the system clock.`,
        'now',
      );
    }
    return time;
  };
}
