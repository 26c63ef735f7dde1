import { redactUrl, redactValue } from '../text/redact';
import { CalComError } from './calcom-error';

/** One problem with an input field. */
export interface ValidationIssue {
  /** The dotted path of the field, e.g. `attendee.email`; empty for the whole input. */
  readonly path: string;
  /** What is wrong with the value. */
  readonly message: string;
}

/** Options of {@link CalComValidationError}. */
export interface CalComValidationErrorOptions {
  /** The HTTP status when the server rejected the input (400 or 422). */
  readonly status?: number | undefined;
  /** The server's error code, e.g. `BadRequestException`. */
  readonly code?: string | undefined;
  /** The server's `error.details`. */
  readonly details?: unknown;
  /** The `X-Request-Id` response header. */
  readonly requestId?: string | undefined;
  /** The HTTP method. */
  readonly method?: string | undefined;
  /** The request URL (redacted). */
  readonly url?: string | undefined;
  /** The underlying error. */
  readonly cause?: unknown;
}

/** Thrown when input is invalid: checked on the client, or refused by Cal.com with 400/422. */
export class CalComValidationError extends CalComError {
  override readonly name: string = 'CalComValidationError';
  /** The fields that are wrong. */
  readonly issues: readonly ValidationIssue[];
  /** The HTTP status when the server rejected the input (400 or 422). */
  readonly status: number | undefined;
  /** The server's error code. */
  readonly code: string | undefined;
  /** The server's `error.details`, redacted: secret-named fields (`apiKey`, `password`, …) and keys in strings. */
  readonly details: unknown;
  /** The `X-Request-Id` response header. */
  readonly requestId: string | undefined;
  /** The HTTP method. */
  readonly method: string | undefined;
  /** The request URL (redacted). */
  readonly url: string | undefined;

  /**
   * Creates a validation error.
   *
   * @param message What is wrong and how to fix it.
   * @param issues The fields that are wrong.
   * @param options The server's answer when the server rejected the input.
   */
  constructor(message: string, issues: readonly ValidationIssue[], options: CalComValidationErrorOptions = {}) {
    super(message, { retryable: false, cause: options.cause });
    this.issues = issues.map((issue) => redactValue(issue, 4) as ValidationIssue);
    this.status = options.status;
    this.code = redactValue(options.code) as string | undefined;
    this.details = redactValue(options.details, 12); // the depth of CalComAPIError's details
    this.requestId = redactValue(options.requestId) as string | undefined;
    this.method = options.method;
    this.url = options.url === undefined ? undefined : redactUrl(options.url);
  }

  protected override fields(): Record<string, unknown> {
    return {
      issues: this.issues,
      status: this.status,
      code: this.code,
      details: this.details,
      requestId: this.requestId,
      method: this.method,
      url: this.url,
    };
  }
}
