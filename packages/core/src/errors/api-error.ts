import { redactUrl, redactValue } from '../text/redact';
import { CalComError } from './calcom-error';

/** What an HTTP error response said, as passed to {@link CalComAPIError}. */
export interface CalComAPIErrorInit {
  /** The HTTP status. */
  readonly status: number;
  /** The server's error code (`error.code`, e.g. `NotFoundException`), or `HTTP_<status>` when the body had none. */
  readonly code: string;
  /** The full message: what happened and what to do next. */
  readonly message: string;
  /** The server's own message, unchanged. */
  readonly serverMessage?: string | undefined;
  /** The server's `error.details`. */
  readonly details?: unknown;
  /** The `X-Request-Id` response header. */
  readonly requestId?: string | undefined;
  /** The HTTP method. */
  readonly method: string;
  /** The request URL; it is redacted before it is stored. */
  readonly url: string;
  /** How long to wait before retrying, from `Retry-After` or `X-RateLimit-Reset-*`. */
  readonly retryAfterMs?: number | undefined;
  /** The start of a body that was not JSON (an HTML error page), redacted. */
  readonly bodyExcerpt?: string | undefined;
  /** Whether the same call may succeed later. Defaults by status. */
  readonly retryable?: boolean | undefined;
  /** The underlying error. */
  readonly cause?: unknown;
}

/** How deep `details` are kept; deeper values become `'[…]'`. */
const DETAILS_DEPTH = 12;

/** The statuses a repeated call may overcome. */
const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/** Thrown when Cal.com answers with an error status (or a `status: "error"` envelope). */
export class CalComAPIError extends CalComError {
  override readonly name: string = 'CalComAPIError';
  /** The HTTP status. */
  readonly status: number;
  /** The server's error code, or `HTTP_<status>`. */
  readonly code: string;
  /** The server's own message, unchanged (redacted). */
  readonly serverMessage: string | undefined;
  /** The server's `error.details`, redacted: secret-named fields (`apiKey`, `password`, …) and keys in strings. */
  readonly details: unknown;
  /** The `X-Request-Id` response header; quote it to Cal.com support. */
  readonly requestId: string | undefined;
  /** The HTTP method. */
  readonly method: string;
  /** The request URL, redacted. */
  readonly url: string;
  /** How long to wait before retrying, when the server said so. */
  readonly retryAfterMs: number | undefined;
  /** The start of a body that was not JSON, redacted. */
  readonly bodyExcerpt: string | undefined;
  /** Always `true`: the server answered, so the request reached it. */
  readonly requestSent = true;

  /**
   * Creates an API error.
   *
   * @param init What the error response said.
   */
  constructor(init: CalComAPIErrorInit) {
    super(init.message, { retryable: init.retryable ?? RETRYABLE_STATUSES.has(init.status), cause: init.cause });
    this.status = init.status;
    this.code = redactValue(init.code) as string;
    this.serverMessage = redactValue(init.serverMessage) as string | undefined;
    this.details = redactValue(init.details, DETAILS_DEPTH);
    this.requestId = redactValue(init.requestId) as string | undefined;
    this.method = init.method;
    this.url = redactUrl(init.url);
    this.retryAfterMs = init.retryAfterMs;
    this.bodyExcerpt = redactValue(init.bodyExcerpt) as string | undefined;
  }

  protected override fields(): Record<string, unknown> {
    return {
      status: this.status,
      code: this.code,
      serverMessage: this.serverMessage,
      details: this.details,
      requestId: this.requestId,
      method: this.method,
      url: this.url,
      retryAfterMs: this.retryAfterMs,
      bodyExcerpt: this.bodyExcerpt,
    };
  }
}

/** Thrown on 401, 403 and 498: the key or token is missing, invalid, expired or not allowed to do this. */
export class CalComAuthError extends CalComAPIError {
  override readonly name: string = 'CalComAuthError';
}

/** Thrown on 404: the resource does not exist, is not visible to this key, or the `cal-api-version` is wrong. */
export class CalComNotFoundError extends CalComAPIError {
  override readonly name: string = 'CalComNotFoundError';
}

/** Thrown on 409: the change conflicts with the current state (duplicate, already done). */
export class CalComConflictError extends CalComAPIError {
  override readonly name: string = 'CalComConflictError';
}

/** Thrown when the requested time is not bookable ("User either already has booking at this time or is not available"). */
export class CalComSlotUnavailableError extends CalComAPIError {
  override readonly name: string = 'CalComSlotUnavailableError';
  /** Nearby free start times (ISO 8601 UTC), filled in by the caller that looked up `/v2/slots`. */
  nearestAvailableStarts: string[] = [];
  /** The start that was asked for (ISO 8601 UTC), when the client's slot check refused it. */
  requestedStart: string | undefined;
  /** The IANA zone of the request (the attendee's), to show the starts in local time, when the slot check knows it. */
  timeZone: string | undefined;

  protected override fields(): Record<string, unknown> {
    return {
      ...super.fields(),
      nearestAvailableStarts: this.nearestAvailableStarts,
      requestedStart: this.requestedStart,
      timeZone: this.timeZone,
    };
  }
}

/** Thrown on 429, or before sending when the rate limit is exhausted and waiting would exceed `maxRetryWaitMs`. */
export class CalComRateLimitError extends CalComAPIError {
  override readonly name: string = 'CalComRateLimitError';
}

/** Thrown on 5xx: Cal.com failed. For writes the change may or may not have happened. */
export class CalComServerError extends CalComAPIError {
  override readonly name: string = 'CalComServerError';
}
