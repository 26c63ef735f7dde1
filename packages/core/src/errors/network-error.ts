import { redactUrl } from '../text/redact';
import { CalComError } from './calcom-error';

/** What a failed connection looked like, as passed to {@link CalComNetworkError}. */
export interface CalComNetworkErrorInit {
  /** What happened and what to do next. */
  readonly message: string;
  /** The HTTP method. */
  readonly method: string;
  /** The request URL; it is redacted before it is stored. */
  readonly url: string;
  /**
   * Whether the request may have reached the server. `false` only when the connection failed before anything was sent
   * (ECONNREFUSED, DNS failure); then a write can be retried safely.
   */
  readonly requestSent: boolean;
  /** The system error code, e.g. `ECONNRESET`. */
  readonly errorCode?: string | undefined;
  /** The underlying error. */
  readonly cause?: unknown;
}

/** Thrown when no HTTP response arrived: connection refused or reset, DNS failure, TLS error. */
export class CalComNetworkError extends CalComError {
  override readonly name: string = 'CalComNetworkError';
  /** The HTTP method. */
  readonly method: string;
  /** The request URL, redacted. */
  readonly url: string;
  /** Whether the request may have reached the server (an ambiguous outcome for writes). */
  readonly requestSent: boolean;
  /** The system error code, e.g. `ECONNREFUSED`. */
  readonly errorCode: string | undefined;

  /**
   * Creates a network error.
   *
   * @param init What the failure looked like.
   */
  constructor(init: CalComNetworkErrorInit) {
    super(init.message, { retryable: true, cause: init.cause });
    this.method = init.method;
    this.url = redactUrl(init.url);
    this.requestSent = init.requestSent;
    this.errorCode = init.errorCode;
  }

  protected override fields(): Record<string, unknown> {
    return { method: this.method, url: this.url, requestSent: this.requestSent, errorCode: this.errorCode };
  }
}

/** Thrown when an attempt took longer than `timeoutMs`. The request was sent, so a write may have happened. */
export class CalComTimeoutError extends CalComNetworkError {
  override readonly name: string = 'CalComTimeoutError';
  /** The per-attempt timeout that elapsed, in milliseconds. */
  readonly timeoutMs: number;

  /**
   * Creates a timeout error.
   *
   * @param init The method and URL.
   * @param timeoutMs The per-attempt timeout that elapsed.
   */
  constructor(init: Omit<CalComNetworkErrorInit, 'requestSent'>, timeoutMs: number) {
    super({ ...init, requestSent: true });
    this.timeoutMs = timeoutMs;
  }

  protected override fields(): Record<string, unknown> {
    return { ...super.fields(), timeoutMs: this.timeoutMs };
  }
}
