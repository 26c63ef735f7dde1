import * as v from 'valibot';
import { excerptOf } from '../errors/create-api-error';
import { CalComUnexpectedResponseError } from '../errors/unexpected-response-error';
import type { PaginationMeta } from './request-types';

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
 * Parses a 2xx body: an empty body gives `data: undefined`; `{status:"success", data, pagination?}` is unwrapped;
 * `{status:"error", …}` is reported so that the caller maps it to an API error; any other JSON is returned whole
 * (the OAuth token endpoint is not enveloped); text that is not JSON throws `CalComUnexpectedResponseError`.
 *
 * @param bodyText The body text.
 * @param context The response's status and request.
 * @returns The unwrapped body.
 */
export function unwrapSuccessBody(bodyText: string, context: ResponseContext): UnwrappedBody {
  if (bodyText.trim() === '') {
    return { kind: 'success', data: undefined, pagination: undefined };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch (cause) {
    throw new CalComUnexpectedResponseError({
      message: `Cal.com answered ${context.status} to ${context.method} ${new URL(context.url).pathname} with a body that is not JSON, so the result is unknown. Check https://status.cal.com and the base URL (it must be the API, ending in /v2), then retry; for a write, check whether it happened first.`,
      status: context.status,
      path: '',
      bodyExcerpt: excerptOf(bodyText),
      requestId: context.requestId,
      method: context.method,
      url: context.url,
      cause,
    });
  }
  if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && 'status' in parsed) {
    const envelope = parsed as { status: unknown; data?: unknown; pagination?: unknown };
    if (envelope.status === 'error') {
      return { kind: 'error-envelope' };
    }
    if (envelope.status === 'success') {
      return {
        kind: 'success',
        data: envelope.data,
        pagination:
          typeof envelope.pagination === 'object' && envelope.pagination !== null
            ? (envelope.pagination as PaginationMeta)
            : undefined,
      };
    }
  }
  return { kind: 'success', data: parsed, pagination: undefined };
}

/**
 * Checks `data` against the operation's schema.
 *
 * @param schema The valibot schema of `data`.
 * @param data The unwrapped data.
 * @param context The response's status and request.
 * @returns The parsed output.
 */
export function parseData<TData>(
  schema: v.GenericSchema<unknown, TData>,
  data: unknown,
  context: ResponseContext,
): TData {
  const result = v.safeParse(schema, data);
  if (result.success) {
    return result.output;
  }
  const issue = result.issues[0];
  const path = ['data', ...(v.getDotPath(issue) ?? '').split('.').filter((part) => part !== '')].join('.');
  throw new CalComUnexpectedResponseError({
    message: `Cal.com's answer to ${context.method} ${new URL(context.url).pathname} does not have the documented shape: ${path}: ${issue.message}. The API may have changed or a different cal-api-version was used; report it with the request id.`,
    status: context.status,
    path,
    bodyExcerpt: excerptOf(JSON.stringify(data) ?? ''),
    requestId: context.requestId,
    method: context.method,
    url: context.url,
  });
}
