import type { GenericSchema } from 'valibot';
import type { ApiResource } from '../config/api-versions';

/** The HTTP methods the client uses. */
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * How a request may be retried (D6): `idempotent` (reads, deletes, cancel by uid) retries on network errors, timeouts,
 * 408, 429 and 5xx; `create` (new bookings, reschedule, new event types) retries only on 429 and on connection
 * failures before anything was sent.
 */
export type RetryKind = 'idempotent' | 'create';

/** A query value; `undefined` values are left out, arrays are sent comma-separated. */
export type QueryValue = string | number | boolean | readonly string[] | undefined;

/** One API call, as built by a resource method. */
export interface RequestSpec<TData = unknown> {
  /** The HTTP method. */
  readonly method: HttpMethod;
  /** The path relative to the base URL (which ends in `/v2`), e.g. `/bookings/abc/cancel`. Encode path params. */
  readonly path: string;
  /** The query parameters. */
  readonly query?: Readonly<Record<string, QueryValue>>;
  /** The JSON body. */
  readonly body?: unknown;
  /** The resource, which selects the `cal-api-version` (D2). */
  readonly resource: ApiResource;
  /** How the request may be retried (D6). */
  readonly retry: RetryKind;
  /** The valibot schema of the envelope's `data`; without it `data` is returned unchecked. */
  readonly schema?: GenericSchema<unknown, TData>;
}

/** Cal.com's pagination metadata (`PaginationMetaDto`). */
export interface PaginationMeta {
  readonly totalItems: number;
  readonly remainingItems: number;
  readonly returnedItems: number;
  readonly itemsPerPage: number;
  readonly currentPage: number;
  readonly totalPages: number;
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
}

/** The rate-limit state reported by the last response (D8). */
export interface RateLimitSnapshot {
  /** The limit's name from the header suffix (`Default`), or `undefined` for unsuffixed headers. */
  readonly name: string | undefined;
  /** Requests allowed per window. */
  readonly limit: number | undefined;
  /** Requests left in the window. */
  readonly remaining: number | undefined;
  /** When the window resets (epoch milliseconds), from `X-RateLimit-Reset` (seconds from now). */
  readonly resetAt: number | undefined;
  /** When the headers were read (epoch milliseconds). */
  readonly observedAt: number;
}

/** The result of {@link RequestExecutor.execute}: the unwrapped `data` and what came with it. */
export interface ExecuteResult<TData> {
  /** The envelope's `data`, checked against the spec's schema when one was given. */
  readonly data: TData;
  /** The envelope's `pagination`, when present. */
  readonly pagination: PaginationMeta | undefined;
  /** The HTTP status. */
  readonly status: number;
  /** The `X-Request-Id` response header. */
  readonly requestId: string | undefined;
  /** The rate-limit state after this response. */
  readonly rateLimit: RateLimitSnapshot | undefined;
}
