import { unauthorizedError } from './http-error';
import type { SimulatorData, SimulatorUser } from './types';

/** Message Cal.com sends when no credentials are given. */
export const NO_AUTH_MESSAGE =
  'ApiAuthStrategy - No authentication method provided. Either provide an api key, an OAuth access token, or OAuth client ID and secret';

/** What a route handler receives. */
export interface RouteContext {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
  /** The authenticated user, or `null` for anonymous calls. */
  user: SimulatorUser | null;
  data: SimulatorData;
  now: Date;
}

/** A successful reply; the simulator wraps nothing, `body` is sent as is. */
export interface RouteReply {
  status: number;
  body: unknown;
  /** Extra response headers (lower-case names), e.g. the token endpoint's `cache-control: no-store`. */
  headers?: Record<string, string>;
}

/** One route of the simulated API. */
export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path pattern with `:name` parameters, e.g. `/v2/bookings/:bookingUid/cancel`. */
  pattern: string;
  /**
   * Accepted `cal-api-version` values. A request without one of them is answered like Cal.com's legacy
   * (2024-04-15) controller for that path, which the simulator models as absent: 404 `Cannot <METHOD> <path>`.
   * Omitted for unversioned controllers, which accept any value or none.
   */
  versions?: readonly string[];
  /** Whether a Bearer credential is required (`optional` still rejects an invalid one). */
  auth: 'required' | 'optional';
  handle(context: RouteContext): RouteReply;
}

/**
 * Returns the authenticated user or throws Cal.com's 401.
 *
 * @param context The route context.
 * @returns The user.
 */
export function requireUser(context: RouteContext): SimulatorUser {
  if (context.user === null) throw unauthorizedError(NO_AUTH_MESSAGE);
  return context.user;
}

/**
 * Wraps data in the success envelope.
 *
 * @param data The payload.
 * @param status The HTTP status (default 200).
 * @returns The reply.
 */
export function ok(data: unknown, status = 200): RouteReply {
  return { status, body: { status: 'success', data } };
}
