import { redactUrl } from '../text/redact';
import { CalComError } from './calcom-error';

/** What was wrong with a response, as passed to {@link CalComUnexpectedResponseError}. */
export interface CalComUnexpectedResponseErrorInit {
  /** What was wrong and what to do next. */
  readonly message: string;
  /** The HTTP status. */
  readonly status: number;
  /** The dotted path of the field that failed validation; empty when the body itself was unreadable. */
  readonly path: string;
  /** The start of the body, redacted. */
  readonly bodyExcerpt?: string | undefined;
  /** The `X-Request-Id` response header. */
  readonly requestId?: string | undefined;
  /** The HTTP method. */
  readonly method: string;
  /** The request URL; it is redacted before it is stored. */
  readonly url: string;
  /** The underlying error. */
  readonly cause?: unknown;
}

/** Thrown when a success response cannot be read: not JSON, or a field does not have the documented shape. */
export class CalComUnexpectedResponseError extends CalComError {
  override readonly name: string = 'CalComUnexpectedResponseError';
  /** The HTTP status. */
  readonly status: number;
  /** The dotted path of the field that failed validation; empty when the body itself was unreadable. */
  readonly path: string;
  /** The start of the body, redacted. */
  readonly bodyExcerpt: string | undefined;
  /** The `X-Request-Id` response header. */
  readonly requestId: string | undefined;
  /** The HTTP method. */
  readonly method: string;
  /** The request URL, redacted. */
  readonly url: string;

  /**
   * Creates an unexpected-response error.
   *
   * @param init What was wrong with the response.
   */
  constructor(init: CalComUnexpectedResponseErrorInit) {
    super(init.message, { retryable: false, cause: init.cause });
    this.status = init.status;
    this.path = init.path;
    this.bodyExcerpt = init.bodyExcerpt;
    this.requestId = init.requestId;
    this.method = init.method;
    this.url = redactUrl(init.url);
  }

  protected override fields(): Record<string, unknown> {
    return {
      status: this.status,
      path: this.path,
      bodyExcerpt: this.bodyExcerpt,
      requestId: this.requestId,
      method: this.method,
      url: this.url,
    };
  }
}
