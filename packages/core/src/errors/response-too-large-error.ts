import { CalComUnexpectedResponseError, type CalComUnexpectedResponseErrorInit } from './unexpected-response-error';

/** What the oversized answer looked like, as passed to {@link CalComResponseTooLargeError}. */
export interface CalComResponseTooLargeErrorInit extends CalComUnexpectedResponseErrorInit {
  /** The `maxResponseBytes` client option in force. */
  readonly limitBytes: number;
  /** The `content-length` the server declared, when it declared one. */
  readonly contentLength: number | undefined;
}

/**
 * Thrown when a success answer is larger than the `maxResponseBytes` client option (default 10 MiB). The client stops
 * reading at the limit (or at once when `content-length` already says so) instead of buffering the whole body.
 */
export class CalComResponseTooLargeError extends CalComUnexpectedResponseError {
  override readonly name: string = 'CalComResponseTooLargeError';
  /** The `maxResponseBytes` client option in force. */
  readonly limitBytes: number;
  /** The `content-length` the server declared, when it declared one. */
  readonly contentLength: number | undefined;

  /**
   * Creates a response-too-large error.
   *
   * @param init What the oversized answer looked like.
   */
  constructor(init: CalComResponseTooLargeErrorInit) {
    super(init);
    this.limitBytes = init.limitBytes;
    this.contentLength = init.contentLength;
  }

  protected override fields(): Record<string, unknown> {
    return { ...super.fields(), limitBytes: this.limitBytes, contentLength: this.contentLength };
  }
}
