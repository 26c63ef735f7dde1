import { CalComError } from './calcom-error';

/** The client calls that can tell whether an ambiguous write happened. */
export type CheckOperation =
  | 'bookings.get'
  | 'bookings.list'
  | 'eventTypes.get'
  | 'eventTypes.list'
  | 'eventTypes.privateLinks.list'
  | 'me.get'
  | 'schedules.get'
  | 'schedules.list'
  | 'webhooks.list';

/**
 * How to find out whether a write happened, as a fact: the client call to make and what its answer means. Core renders
 * it as `howToCheck` for developers (`Check with bookings.get("8qYcb3xRj4"): …`); the agent tools render the same
 * call as a tool call (`get_booking with booking_id 8qYcb3xRj4`).
 */
export interface OutcomeCheck {
  /** The call, e.g. `bookings.get`. */
  readonly operation: CheckOperation;
  /** Its params, e.g. `{ uid: '8qYcb3xRj4' }`; a lone `uid` or `id` is passed positionally. */
  readonly params: Readonly<Record<string, string | number>>;
  /**
   * What to look for in its answer and what to do then, starting with its separator, e.g.
   * `: status "cancelled" means it happened; otherwise cancel it again.` It names no client method or field.
   */
  readonly meaning: string;
}

/**
 * Renders a check as a call of the client: `bookings.get("x")`, `eventTypes.get(3002)`, `me.get()`,
 * `bookings.list({ eventTypeId: 3002, afterStart: "…" })`.
 */
function renderCheckCall(check: Pick<OutcomeCheck, 'operation' | 'params'>): string {
  const entries = Object.entries(check.params);
  const [only] = entries;
  const positional = entries.length === 1 && only !== undefined && (only[0] === 'uid' || only[0] === 'id');
  const args =
    entries.length === 0
      ? ''
      : positional
        ? JSON.stringify(only[1])
        : `{ ${entries.map(([key, value]) => `${key}: ${JSON.stringify(value)}`).join(', ')} }`;
  return `${check.operation}(${args})`;
}

/** Thrown when a write may or may not have happened (timeout or 5xx on create) and reconciliation found nothing. */
export class CalComUnknownOutcomeError extends CalComError {
  override readonly name: string = 'CalComUnknownOutcomeError';
  /** Always `'unknown'`: the change may or may not have been made. */
  readonly outcome = 'unknown' as const;
  /** How to find out whether the change happened, e.g. which list call to make. */
  readonly howToCheck: string;
  /** The same advice as a fact (the call and what its answer means), when the client knows the call. */
  readonly check: OutcomeCheck | undefined;

  /**
   * Creates an unknown-outcome error.
   *
   * @param message What happened.
   * @param howToCheck How to find out whether the change happened: a check (rendered as `Check with <call><meaning>`) or
   *   a text.
   * @param cause The error that made the outcome ambiguous.
   */
  constructor(message: string, howToCheck: string | OutcomeCheck, cause?: unknown) {
    const text =
      typeof howToCheck === 'string' ? howToCheck : `Check with ${renderCheckCall(howToCheck)}${howToCheck.meaning}`;
    super(`${message} ${text}`, { retryable: false, cause });
    this.howToCheck = text;
    this.check = typeof howToCheck === 'string' ? undefined : howToCheck;
  }

  protected override fields(): Record<string, unknown> {
    return { outcome: this.outcome, howToCheck: this.howToCheck, check: this.check };
  }
}
