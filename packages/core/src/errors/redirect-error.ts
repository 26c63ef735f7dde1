import { redactUrl } from '../text/redact';
import { CalComError } from './calcom-error';

/** What a redirect answer looked like, as passed to {@link CalComRedirectError}. */
export interface CalComRedirectErrorInit {
  /** What happened and what to do next. */
  readonly message: string;
  /** The 3xx status; 0 when the fetch implementation hid it (an opaque redirect, or a fetch that followed anyway). */
  readonly status: number;
  /** The origin the answer pointed to (scheme, host and port only), when it named a readable one. */
  readonly location: string | undefined;
  /** The `X-Request-Id` response header. */
  readonly requestId?: string | undefined;
  /** The HTTP method. */
  readonly method: string;
  /** The request URL; it is redacted before it is stored. */
  readonly url: string;
}

/**
 * Thrown when the base URL answers with a redirect (3xx). The client never follows redirects: an answer from another
 * origin is not Cal.com's, and following a 307/308 would resend a write's body (personal data) there. The request
 * reached a server (a proxy, a load balancer, a wrong host) but was not accepted by Cal.com's API; fix `baseUrl`.
 * Not retried.
 */
export class CalComRedirectError extends CalComError {
  override readonly name: string = 'CalComRedirectError';
  /** The 3xx status; 0 when the fetch implementation hid it (an opaque redirect, or a fetch that followed anyway). */
  readonly status: number;
  /** The origin the redirect pointed to (never its path or query), or `undefined` when it named none. */
  readonly location: string | undefined;
  /** The `X-Request-Id` response header. */
  readonly requestId: string | undefined;
  /** The HTTP method. */
  readonly method: string;
  /** The request URL, redacted. */
  readonly url: string;

  /**
   * Creates a redirect error.
   *
   * @param init What the redirect answer looked like.
   */
  constructor(init: CalComRedirectErrorInit) {
    super(init.message, { retryable: false });
    this.status = init.status;
    this.location = init.location;
    this.requestId = init.requestId;
    this.method = init.method;
    this.url = redactUrl(init.url);
  }

  protected override fields(): Record<string, unknown> {
    return {
      status: this.status,
      location: this.location,
      requestId: this.requestId,
      method: this.method,
      url: this.url,
    };
  }
}
