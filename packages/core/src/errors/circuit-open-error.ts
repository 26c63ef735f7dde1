import { CalComError } from './calcom-error';

/** Thrown without sending when the client's circuit breaker is open after repeated transient failures. */
export class CalComCircuitOpenError extends CalComError {
  override readonly name: string = 'CalComCircuitOpenError';
  /** How long until the breaker lets a trial request through, in milliseconds. */
  readonly retryAfterMs: number;

  /**
   * Creates a circuit-open error.
   *
   * @param retryAfterMs How long until the breaker lets a trial request through.
   * @param failures The number of consecutive failures that opened it.
   */
  constructor(retryAfterMs: number, failures: number) {
    super(
      `Cal.com requests are paused: the last ${failures} requests failed (server errors, timeouts or network errors), so the circuit breaker is open. Nothing was sent. Retry in ${Math.ceil(retryAfterMs / 1000)} s, and check https://status.cal.com if it persists.`,
      { retryable: true },
    );
    this.retryAfterMs = retryAfterMs;
  }

  protected override fields(): Record<string, unknown> {
    return { retryAfterMs: this.retryAfterMs };
  }
}
