import * as v from 'valibot';
import { CalComRedirectError } from '../errors/redirect-error';
import { CalComResponseTooLargeError } from '../errors/response-too-large-error';
import { CalComUnexpectedResponseError } from '../errors/unexpected-response-error';
import { PaginationSchema } from '../models/pagination';
import { excerptOf } from '../text/excerpt';
import { parseJsonSafely } from '../text/safe-json';
import { compileSchema, NOT_PARSED } from './fast-parse';
import type { PaginationMeta } from './request-types';
import { declaredLength, type TransportResponse } from './transport';

/** A success body after unwrapping, or the error envelope that came with a 2xx status. */
export type UnwrappedBody =
  | { readonly kind: 'success'; readonly data: unknown; readonly pagination: PaginationMeta | undefined }
  | { readonly kind: 'error-envelope' };

/** Where a response came from, for errors. */
export interface ResponseContext {
  readonly status: number;
  readonly method: string;
  readonly url: string;
  readonly requestId: string | undefined;
}

/**
 * Refuses a raw answer that must not be read as Cal.com's, before its status is mapped: a redirect (3xx, an opaque
 * redirect, or a fetch that followed one anyway) becomes a {@link CalComRedirectError}; a success body that was cut at
 * `maxResponseBytes` a {@link CalComResponseTooLargeError}; a success body that is not UTF-8 a
 * {@link CalComUnexpectedResponseError}. Error statuses (4xx, 5xx) pass, however long or garbled their body, so that
 * they keep their status-based error and retry rules.
 */
export function checkRawResponse(
  response: TransportResponse,
  context: ResponseContext,
  maxResponseBytes: number,
): void {
  const status = response.status;
  if (response.redirectedTo !== undefined || status === 0 || (status >= 300 && status < 400)) {
    throw redirectError(response, context);
  }
  if (status >= 400) {
    return;
  }
  if (response.truncated === true) {
    const where = `${context.method} ${pathOf(context.url)}`;
    const contentLength = declaredLength(response.headers);
    throw new CalComResponseTooLargeError({
      message: `Cal.com's answer to ${where} (${status}) is larger than maxResponseBytes (${maxResponseBytes} bytes${contentLength === undefined ? '' : `; content-length ${contentLength}`}), so the client stopped reading it. A page of 100 bookings is about 100 KB: narrow the request (filters, a smaller limit), or raise the maxResponseBytes client option if answers this large are expected. For a write, check whether it happened before sending it again.`,
      status,
      path: '',
      bodyExcerpt: undefined,
      requestId: context.requestId,
      method: context.method,
      url: context.url,
      limitBytes: maxResponseBytes,
      contentLength,
    });
  }
  if (response.invalidUtf8 === true) {
    throw unreadable(context, 'a body that is not valid UTF-8', response.bodyText);
  }
}

/**
 * Builds the error for a redirect answer: the target's origin only (never its path or query, which may carry tokens).
 */
function redirectError(response: TransportResponse, context: ResponseContext): CalComRedirectError {
  const location = originOf(response.redirectedTo ?? response.headers.get('location'), context.url);
  const from = new URL(context.url).origin;
  const target = location ?? 'an unnamed location';
  const how =
    response.redirectedTo !== undefined
      ? 'was redirected (the fetch implementation followed it despite redirect: "manual")'
      : response.status === 0
        ? 'was answered with a redirect that the fetch implementation hides (an opaque redirect)'
        : `was answered ${response.status} (a redirect)`;
  return new CalComRedirectError({
    message: `${context.method} ${pathOf(context.url)} ${how} to ${target}. The client does not follow redirects: an answer from another origin is not Cal.com's, and a 307/308 would resend the request body there. The request reached a server at ${from} but was not accepted by Cal.com's API${context.method === 'GET' ? '' : ', so treat the write as not done'}. Check baseUrl: it must be the API itself, e.g. https://api.cal.com/v2 or https://api.cal.eu/v2 (https, no proxy or old host that redirects).`,
    status: response.redirectedTo !== undefined ? 0 : response.status,
    location,
    requestId: context.requestId,
    method: context.method,
    url: context.url,
  });
}

/**
 * Reads the origin of a URL, relative URLs resolved against the request's.
 *
 * @returns `scheme://host[:port]`, or `undefined` when there is no readable http(s) origin.
 */
function originOf(url: string | null | undefined, base: string): string | undefined {
  if (url === null || url === undefined || url.trim() === '') {
    return undefined;
  }
  try {
    const origin = new URL(url, base).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/** Returns the path of the request URL, for messages. */
function pathOf(url: string): string {
  return new URL(url).pathname;
}

/**
 * Builds the error for a success body that cannot be read.
 *
 * @param what What the body is, e.g. `a body that is not JSON`.
 * @param cause The parser's error, if any.
 */
function unreadable(
  context: ResponseContext,
  what: string,
  bodyText: string,
  cause?: unknown,
): CalComUnexpectedResponseError {
  return new CalComUnexpectedResponseError({
    message: `Cal.com answered ${context.status} to ${context.method} ${pathOf(context.url)} with ${what}, so the result is unknown. Check https://status.cal.com and the base URL (it must be the API, ending in /v2), then retry; for a write, check whether it happened first.`,
    status: context.status,
    path: '',
    bodyExcerpt: excerptOf(bodyText),
    requestId: context.requestId,
    method: context.method,
    url: context.url,
    cause,
  });
}

/**
 * Parses a 2xx body: an empty body gives `data: undefined`; `{status:"success", data, pagination?}` is unwrapped;
 * `{status:"error", …}` is reported so that the caller maps it to an API error; any other JSON is returned whole
 * (the OAuth token endpoint is not enveloped). Text that is not JSON, JSON nested deeper than 64 levels or holding a
 * number out of range, and a `pagination` that is not Cal.com's (§6: every field required) throw
 * `CalComUnexpectedResponseError`. `__proto__`, `constructor` and `prototype` keys are dropped.
 */
export function unwrapSuccessBody(bodyText: string, context: ResponseContext): UnwrappedBody {
  if (bodyText.trim() === '') {
    return { kind: 'success', data: undefined, pagination: undefined };
  }
  const result = parseJsonSafely(bodyText);
  if (!result.ok) {
    throw unreadable(context, `a body that ${result.problem}`, bodyText, result.cause);
  }
  const parsed = result.value;
  if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && 'status' in parsed) {
    const envelope = parsed as { status: unknown; data?: unknown; pagination?: unknown };
    if (envelope.status === 'error') {
      return { kind: 'error-envelope' };
    }
    if (envelope.status === 'success') {
      return { kind: 'success', data: envelope.data, pagination: paginationOf(envelope.pagination, context) };
    }
  }
  return { kind: 'success', data: parsed, pagination: undefined };
}

/**
 * Checks the envelope's `pagination` (docs/CALCOM-API.md §6): absent or `null` gives `undefined`; anything else must
 * have every field, counts as whole numbers of at least 0.
 */
function paginationOf(pagination: unknown, context: ResponseContext): PaginationMeta | undefined {
  if (pagination === undefined || pagination === null) {
    return undefined;
  }
  return parseData(PaginationSchema, pagination, context, 'pagination');
}

/**
 * Checks `data` against the operation's schema (compiled once per schema, see {@link compileSchema}).
 *
 * @param root The name of the checked value in the error's `path`: `data` (default) or `pagination`.
 */
export function parseData<TData>(
  schema: v.GenericSchema<unknown, TData>,
  data: unknown,
  context: ResponseContext,
  root = 'data',
): TData {
  // The compiled parser gives valibot's output for a valid answer, at a fraction of the cost; for anything it cannot
  // vouch for, valibot runs and names the issue.
  const parsed = compileSchema(schema)(data);
  if (parsed !== NOT_PARSED) {
    return parsed as TData;
  }
  // The first issue is all the error reports: stop there instead of collecting one per item of a huge array.
  const result = v.safeParse(schema, data, { abortEarly: true });
  if (result.success) {
    return result.output;
  }
  const issue = result.issues[0];
  const path = [root, ...(v.getDotPath(issue) ?? '').split('.').filter((part) => part !== '')].join('.');
  throw new CalComUnexpectedResponseError({
    message: `Cal.com's answer to ${context.method} ${pathOf(context.url)} does not have the documented shape: ${path}: ${issue.message}. The API may have changed or a different cal-api-version was used; report it with the request id.`,
    status: context.status,
    path,
    bodyExcerpt: excerptOf(stringifyForExcerpt(data)),
    requestId: context.requestId,
    method: context.method,
    url: context.url,
  });
}

/** Serialises the start of a value for an error excerpt; never throws (a value too deep or too large gives a note). */
function stringifyForExcerpt(data: unknown): string {
  try {
    return (JSON.stringify(data) ?? '').slice(0, 1000);
  } catch {
    return '(a value that cannot be shown)';
  }
}
