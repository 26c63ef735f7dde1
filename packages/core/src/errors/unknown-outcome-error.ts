import { CalComError } from './calcom-error';

/** Thrown when a write may or may not have happened (timeout or 5xx on create) and reconciliation found nothing. */
export class CalComUnknownOutcomeError extends CalComError {
  override readonly name: string = 'CalComUnknownOutcomeError';
  /** Always `'unknown'`: the change may or may not have been made. */
  readonly outcome = 'unknown' as const;
  /** How to find out whether the change happened, e.g. which list call to make. */
  readonly howToCheck: string;

  /**
   * Creates an unknown-outcome error.
   *
   * @param message What happened.
   * @param howToCheck How to find out whether the change happened.
   * @param cause The error that made the outcome ambiguous.
   */
  constructor(message: string, howToCheck: string, cause?: unknown) {
    super(`${message} ${howToCheck}`, { retryable: false, cause });
    this.howToCheck = howToCheck;
  }

  protected override fields(): Record<string, unknown> {
    return { outcome: this.outcome, howToCheck: this.howToCheck };
  }
}
