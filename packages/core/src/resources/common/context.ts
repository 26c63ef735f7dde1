import type { ExecuteResult, RequestSpec } from '../../internal/request-types';
import { IdInputSchema, UidInputSchema } from '../../models/input';
import type { RequestOptions } from '../../request-options';
import { parseField } from './validate';

/** The part of the request executor the resources use: one call, unwrapped and checked. The one path to the network. */
export interface ApiExecutor {
  /**
   * Sends one API call through the request loop (auth, version header, timeout, retries, rate limit, breaker).
   *
   * @param spec The call.
   * @param options The per-call options.
   * @returns The envelope's `data`, pagination and response facts.
   */
  execute<TData>(spec: RequestSpec<TData>, options?: RequestOptions): Promise<ExecuteResult<TData>>;
}

/** What every resource needs: the executor, the base URL and a clock. */
export interface ResourceContext {
  readonly executor: ApiExecutor;
  /** The API base URL, ending in `/v2`. */
  readonly baseUrl: string;
  /** The current time in epoch milliseconds. */
  readonly now: () => number;
}

/**
 * Checks a numeric id that goes into a request path (`/event-types/{id}`, `/teams/{teamId}`) under the id rule
 * (`IdInputSchema`): `NaN`, `-0`, fractions, `1e308` and anything that is not a number are refused before anything is
 * sent.
 */
export function idParam(value: unknown, field: string): number {
  return parseField(IdInputSchema, value, field);
}

/**
 * Checks a uid or string id that goes into a request path (`/bookings/{uid}`, `/webhooks/{id}`) under the uid rule
 * (`UidInputSchema`), after trimming surrounding whitespace: empty strings, `.`, `..`, slashes, `?`, `#`, `%` and every
 * other character that could change the request path are refused before anything is sent.
 */
export function uidParam(value: unknown, field: string): string {
  return parseField(UidInputSchema, typeof value === 'string' ? value.trim() : value, field);
}

/**
 * Checks and encodes one path parameter. Every resource builds its paths with this (or with {@link idParam} /
 * {@link uidParam} first), so no caller value can reach the path unchecked: a number must be a positive safe integer,
 * a string a Cal.com uid or string id (letters, digits, `-`, `_`). A bad value throws `CalComValidationError` naming
 * `field`, and nothing is sent.
 *
 * @param field The caller's name for it, for the error. Default `id` for numbers, `uid` for strings.
 */
export function pathParam(value: string | number, field: string = typeof value === 'number' ? 'id' : 'uid'): string {
  const checked = typeof value === 'number' ? idParam(value, field) : uidParam(value, field);
  return encodeURIComponent(String(checked));
}

/**
 * Drops the `apiVersion` override from options used for a call to another resource than the one the caller
 * targeted (an override such as bookings `2026-02-25` must not reach `/v2/slots`).
 */
export function auxiliaryOptions(options: RequestOptions | undefined): RequestOptions | undefined {
  if (options?.apiVersion === undefined) return options;
  const { apiVersion: _apiVersion, ...rest } = options;
  return rest;
}
