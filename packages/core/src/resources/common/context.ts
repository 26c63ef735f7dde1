import type { ExecuteResult, RequestSpec } from '../../internal/request-types';
import type { RequestOptions } from '../../request-options';

/** The part of the request executor the resources use: one call, unwrapped and checked. */
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
  /** The request executor. */
  readonly executor: ApiExecutor;
  /** The API base URL, ending in `/v2`. */
  readonly baseUrl: string;
  /** The current time in epoch milliseconds. */
  readonly now: () => number;
}

/**
 * Sends one call and returns the envelope's `data`.
 *
 * @param context The resource context.
 * @param spec The call.
 * @param options The per-call options.
 * @returns The checked `data`.
 */
export async function send<TData>(
  context: ResourceContext,
  spec: RequestSpec<TData>,
  options: RequestOptions | undefined,
): Promise<TData> {
  const result = await context.executor.execute(spec, options);
  return result.data;
}

/**
 * Encodes a path parameter.
 *
 * @param value The parameter.
 * @returns The URL-encoded parameter.
 */
export function pathParam(value: string | number): string {
  return encodeURIComponent(String(value));
}

/**
 * Drops the `apiVersion` override from options used for a call to another resource than the one the caller
 * targeted (an override such as bookings `2026-02-25` must not reach `/v2/slots`).
 *
 * @param options The caller's options.
 * @returns The options for the auxiliary call.
 */
export function auxiliaryOptions(options: RequestOptions | undefined): RequestOptions | undefined {
  if (options?.apiVersion === undefined) return options;
  const { apiVersion: _apiVersion, ...rest } = options;
  return rest;
}
