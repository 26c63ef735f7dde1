import { CalComAPIError } from '../errors/api-error';
import { CalComNetworkError, CalComTimeoutError } from '../errors/network-error';
import type { RetryKind } from './request-types';

/** The statuses an idempotent request retries on (D6). */
const IDEMPOTENT_RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/** The base delays before retries 1, 2, 3, … in milliseconds (doubling from 1 s). */
export const BASE_DELAY_MS = 1000;

/** The share of the base delay that jitter may remove: delays fall in [0.75 × base, base]. */
export const JITTER_RATIO = 0.25;

/**
 * Decides whether a failed attempt may be retried (D6). Idempotent requests retry on network errors, timeouts, 408,
 * 429, 500, 502, 503 and 504. Create requests retry only on 429 and on connection failures before anything was sent.
 */
export function shouldRetry(kind: RetryKind, error: unknown): boolean {
  if (error instanceof CalComAPIError) {
    return kind === 'idempotent' ? IDEMPOTENT_RETRY_STATUSES.has(error.status) : error.status === 429;
  }
  if (error instanceof CalComTimeoutError) {
    return kind === 'idempotent';
  }
  if (error instanceof CalComNetworkError) {
    return kind === 'idempotent' || !error.requestSent;
  }
  return false;
}

/** Computes the backoff before a retry: 1 s, 2 s, 4 s, … minus up to 25 % jitter. */
export function backoffDelay(retry: number, random: number): number {
  const base = BASE_DELAY_MS * 2 ** (retry - 1);
  return Math.round(base * (1 - JITTER_RATIO * random));
}

/** Reads `Retry-After` (seconds or an HTTP date) as a wait in milliseconds. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') {
    return undefined;
  }
  const seconds = Number(value);
  if (Number.isFinite(seconds)) {
    return Math.max(0, Math.ceil(seconds * 1000));
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
