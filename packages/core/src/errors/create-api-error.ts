import {
  CalComAPIError,
  type CalComAPIErrorInit,
  CalComAuthError,
  CalComConflictError,
  CalComNotFoundError,
  CalComRateLimitError,
  CalComServerError,
  CalComSlotUnavailableError,
} from './api-error';
import type { CalComError } from './calcom-error';
import { parseErrorBody } from './error-body';
import { CalComValidationError } from './validation-error';
import { extractIssues } from './validation-issues';

/** What {@link createApiError} needs to know about an error response. */
export interface ErrorResponse {
  /** The HTTP status. */
  readonly status: number;
  /** The body as text (may be empty, HTML or malformed JSON). */
  readonly bodyText: string;
  /** The HTTP method. */
  readonly method: string;
  /** The request URL (it is redacted). */
  readonly url: string;
  /** The `X-Request-Id` response header. */
  readonly requestId?: string | undefined;
  /** How long to wait before retrying, from `Retry-After` or `X-RateLimit-Reset-*`. */
  readonly retryAfterMs?: number | undefined;
  /** The `cal-api-version` that was sent, to explain 404s. */
  readonly apiVersion?: string | undefined;
}

/** Cal.com's messages for a time that cannot be booked (docs/CALCOM-API.md §9.3). */
const SLOT_UNAVAILABLE_PATTERNS = [
  /already has booking at this time or is not available/i,
  /no_available_users_found_error/i,
  /One of the hosts/i,
];

/**
 * Maps an error response to the matching error class. Reads both body shapes (`{status:"error", error:{code, message,
 * details}}` and Nest's bare `{statusCode, message}`) and survives empty, HTML and malformed bodies.
 *
 * @param response The status, body text and request.
 * @returns A `CalComValidationError` (400/422), a `CalComSlotUnavailableError`, or a `CalComAPIError` subclass.
 */
export function createApiError(response: ErrorResponse): CalComError {
  const body = parseErrorBody(response.bodyText);
  const serverMessage = body.message ?? body.excerpt;
  const quoted = serverMessage === undefined ? '' : `: "${serverMessage}"`;
  const where = `${response.method} ${new URL(response.url).pathname}`;
  const base = {
    status: response.status,
    code: body.code ?? `HTTP_${response.status}`,
    serverMessage,
    details: body.details,
    requestId: response.requestId,
    method: response.method,
    url: response.url,
    retryAfterMs: response.retryAfterMs,
    bodyExcerpt: body.excerpt,
  } satisfies Omit<CalComAPIErrorInit, 'message'>;
  const withMessage = (message: string): CalComAPIErrorInit => ({
    ...base,
    message: `${message}${requestIdHint(response.requestId)}`,
  });
  const status = response.status;

  if (
    status === 400 &&
    serverMessage !== undefined &&
    SLOT_UNAVAILABLE_PATTERNS.some((pattern) => pattern.test(serverMessage))
  ) {
    return new CalComSlotUnavailableError(
      withMessage(
        `The requested time is not available (${where}, 400)${quoted}. Fetch free times with GET /v2/slots and book one of the returned starts (converted to UTC).`,
      ),
    );
  }
  if (status === 400 || status === 422) {
    const issues = extractIssues(body);
    const list =
      issues.length === 0
        ? ''
        : ` Fields: ${issues.map((issue) => (issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`)).join('; ')}.`;
    return new CalComValidationError(
      `Cal.com rejected the request as invalid (${where}, ${status})${quoted}.${list} Fix the listed fields and send it again; retrying unchanged will fail the same way.${requestIdHint(response.requestId)}`,
      issues,
      {
        status,
        code: base.code,
        details: body.details,
        ...optional('requestId', response.requestId),
        method: response.method,
        url: response.url,
      },
    );
  }
  if (status === 401) {
    return new CalComAuthError(
      withMessage(
        `Cal.com did not accept the API key (${where}, 401)${quoted}. Check CAL_COM_API_KEY (or the apiKey option): it must be a current key from https://app.cal.com/settings/developer/api-keys, sent as Bearer; an expired or deleted key must be replaced.`,
      ),
    );
  }
  if (status === 403) {
    return new CalComAuthError(
      withMessage(
        `The API key is valid but not allowed to do this (${where}, 403)${quoted}. Use a key of a user with access to this resource (team admin/owner for team changes), or an OAuth token with the needed scope.`,
      ),
    );
  }
  if (status === 498) {
    return new CalComAuthError(
      withMessage(
        `The access token has expired (${where}, 498)${quoted}. Refresh the access token (or pass refreshToken to the client) and retry.`,
      ),
    );
  }
  if (status === 404) {
    const versionHint =
      response.apiVersion === undefined
        ? ''
        : ` The request was sent with cal-api-version ${response.apiVersion}; a wrong or unsupported version routes to legacy endpoints that answer 404, so check the apiVersions option too.`;
    return new CalComNotFoundError(
      withMessage(
        `Not found (${where}, 404)${quoted}. Check the id or uid (list the resources first to get a valid one).${versionHint}`,
      ),
    );
  }
  if (status === 409) {
    return new CalComConflictError(
      withMessage(
        `Cal.com reported a conflict (${where}, 409)${quoted}. The resource changed or already exists; fetch its current state before trying again.`,
      ),
    );
  }
  if (status === 429) {
    const wait = response.retryAfterMs === undefined ? 'about 60 s' : `${Math.ceil(response.retryAfterMs / 1000)} s`;
    return new CalComRateLimitError(
      withMessage(
        `Rate limit exceeded (${where}, 429)${quoted}. Cal.com allows about 120 requests per minute per key; retry after ${wait}.`,
      ),
    );
  }
  if (status >= 500) {
    return new CalComServerError(
      withMessage(
        `Cal.com failed with a server error (${where}, ${status})${quoted}. Retry later; for a create or reschedule, first check whether it happened (list bookings) before sending it again.`,
      ),
    );
  }
  return new CalComAPIError(
    withMessage(`Cal.com answered ${status} (${where})${quoted}. Check the request against the API reference.`),
  );
}

/** Returns a sentence quoting the request id, if any. */
function requestIdHint(requestId: string | undefined): string {
  return requestId === undefined ? '' : ` (request id ${requestId})`;
}

/** Returns `{ [key]: value }` when the value is defined, else `{}` (for exact optional properties). */
function optional<TKey extends string, TValue>(key: TKey, value: TValue | undefined): { [K in TKey]?: TValue } {
  return (value === undefined ? {} : { [key]: value }) as { [K in TKey]?: TValue };
}
