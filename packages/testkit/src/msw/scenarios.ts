import { type HttpHandler, HttpResponse, http } from 'msw';
import { DEFAULT_BASE_URL } from '../constants';
import {
  bareInternalServerError,
  htmlBadGateway,
  malformedJson,
  type ResponseSpec,
  serverErrorEnvelope,
  tooManyRequests,
  toResponse,
} from '../fixtures/errors';

/** HTTP methods of the scenario helpers. */
export type ScenarioMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Common options of the scenario helpers. */
export interface ScenarioOptions {
  /** Base URL the path is relative to; default `https://api.cal.com/v2`. */
  baseUrl?: string;
}

function urlOf(path: string, options: ScenarioOptions): string {
  const base = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const relative = path.replace(/^\/v2(?=\/|$)/, '');
  return `${base}${relative.startsWith('/') ? relative : `/${relative}`}`;
}

function once(
  method: ScenarioMethod,
  path: string,
  options: ScenarioOptions,
  reply: () => Response | Promise<Response>,
): HttpHandler {
  const handlers = { GET: http.get, POST: http.post, PATCH: http.patch, PUT: http.put, DELETE: http.delete };
  return handlers[method](urlOf(path, options), reply, { once: true });
}

function pathOf(path: string): string {
  return path.startsWith('/v2') ? path : `/v2${path.startsWith('/') ? path : `/${path}`}`;
}

/**
 * Answers the next matching request with Cal.com's 429 `ThrottlerException` (no `Retry-After`).
 *
 * @param method The HTTP method.
 * @param path The path, with or without `/v2` (e.g. `/bookings`).
 * @param options `resetSeconds` for `X-RateLimit-Reset-Default` (default 60) and the base URL.
 * @returns A one-shot handler.
 */
export function rateLimitedOnce(
  method: ScenarioMethod,
  path: string,
  options: ScenarioOptions & { resetSeconds?: number } = {},
): HttpHandler {
  return once(method, path, options, () =>
    toResponse(tooManyRequests({ path: pathOf(path), resetSeconds: options.resetSeconds ?? 60 })),
  );
}

/**
 * Answers the next matching request with a 5xx: Cal.com's envelope, or Nest's bare body.
 *
 * @param method The HTTP method.
 * @param path The path.
 * @param options `status` (default 500), `shape` (`envelope` default, or `bare`) and the base URL.
 * @returns A one-shot handler.
 */
export function serverErrorOnce(
  method: ScenarioMethod,
  path: string,
  options: ScenarioOptions & { status?: number; shape?: 'envelope' | 'bare' } = {},
): HttpHandler {
  return once(method, path, options, () =>
    toResponse(
      options.shape === 'bare'
        ? bareInternalServerError()
        : serverErrorEnvelope(options.status ?? 500, { path: pathOf(path) }),
    ),
  );
}

/**
 * Fails the next matching request at the network level (connection reset).
 *
 * @param method The HTTP method.
 * @param path The path.
 * @param options The base URL.
 * @returns A one-shot handler.
 */
export function networkErrorOnce(method: ScenarioMethod, path: string, options: ScenarioOptions = {}): HttpHandler {
  return once(method, path, options, () => HttpResponse.error());
}

/**
 * Delays the next matching request, then answers `response` (default: a 200 success envelope with `data: null`).
 * Use with fake timers or an abort signal to test timeouts.
 *
 * @param method The HTTP method.
 * @param path The path.
 * @param milliseconds The delay.
 * @param options The response and the base URL.
 * @returns A one-shot handler.
 */
export function slowOnce(
  method: ScenarioMethod,
  path: string,
  milliseconds: number,
  options: ScenarioOptions & { response?: ResponseSpec } = {},
): HttpHandler {
  return once(method, path, options, async () => {
    await new Promise((resolve) => setTimeout(resolve, milliseconds));
    return toResponse(
      options.response ?? {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: { status: 'success', data: null },
      },
    );
  });
}

/**
 * Answers the next matching request with a 200 whose JSON is cut off.
 *
 * @param method The HTTP method.
 * @param path The path.
 * @param options The base URL.
 * @returns A one-shot handler.
 */
export function malformedJsonOnce(method: ScenarioMethod, path: string, options: ScenarioOptions = {}): HttpHandler {
  return once(method, path, options, () => toResponse(malformedJson()));
}

/**
 * Answers the next matching request with a proxy's HTML 502 page.
 *
 * @param method The HTTP method.
 * @param path The path.
 * @param options The base URL.
 * @returns A one-shot handler.
 */
export function htmlErrorOnce(method: ScenarioMethod, path: string, options: ScenarioOptions = {}): HttpHandler {
  return once(method, path, options, () => toResponse(htmlBadGateway()));
}

/**
 * Answers the next matching request with any status, body and headers.
 *
 * @param method The HTTP method.
 * @param path The path.
 * @param status The HTTP status.
 * @param body A JSON value, or a string sent as is.
 * @param headers Extra headers.
 * @param options The base URL.
 * @returns A one-shot handler.
 */
export function respondOnce(
  method: ScenarioMethod,
  path: string,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  options: ScenarioOptions = {},
): HttpHandler {
  const contentType = typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
  return once(method, path, options, () =>
    toResponse({ status, headers: { 'content-type': contentType, ...headers }, body: body as object | string }),
  );
}
