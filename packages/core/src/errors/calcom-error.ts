import { redact, redactValue } from '../text/redact';

/** The marker that identifies calcom-int errors across duplicate copies of the package. */
const ERROR_MARKER = Symbol.for('calcom-int.error');

/** The symbol Node's `util.inspect` calls for a custom representation. */
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** Options shared by every calcom-int error. */
export interface CalComErrorOptions {
  /** Whether repeating the same call later may succeed. */
  readonly retryable?: boolean;
  /** The underlying error, if any. Its message is redacted when serialised. */
  readonly cause?: unknown;
}

/**
 * The base class of every error thrown by calcom-int. Messages are redacted; `toJSON()` and `util.inspect` never show
 * secrets.
 */
export class CalComError extends Error {
  /** The cross-copy marker used by {@link CalComError.isInstance}. */
  readonly [ERROR_MARKER] = true;
  /** The error name. */
  override readonly name: string = 'CalComError';
  /** Whether repeating the same call later may succeed. */
  readonly retryable: boolean;

  /**
   * Creates a calcom-int error.
   *
   * @param message What happened and what to do next.
   * @param options Whether it is retryable and the cause.
   */
  constructor(message: string, options: CalComErrorOptions = {}) {
    super(redact(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.retryable = options.retryable ?? false;
  }

  /**
   * Tells whether a value is a calcom-int error, also when it comes from another copy of the package.
   *
   * @param value The value to check.
   * @returns Whether the value is a {@link CalComError}.
   */
  static isInstance(value: unknown): value is CalComError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[ERROR_MARKER] === true;
  }

  /** Returns the error's own fields, for {@link CalComError.toJSON}. Subclasses add theirs. */
  protected fields(): Record<string, unknown> {
    return {};
  }

  /**
   * Returns a JSON-safe, redacted representation of the error.
   *
   * @returns The name, message, retryable flag, the subclass's fields and the cause's message.
   */
  toJSON(): Record<string, unknown> {
    const cause = this.cause;
    return redactValue(
      {
        name: this.name,
        message: this.message,
        retryable: this.retryable,
        ...this.fields(),
        ...(cause === undefined ? {} : { cause: cause instanceof Error ? `${cause.name}: ${cause.message}` : cause }),
      },
      8,
    ) as Record<string, unknown>;
  }

  /**
   * Returns the representation `util.inspect` and `console.log` show: the redacted JSON form plus the stack frames.
   *
   * @returns A string without secrets.
   */
  [INSPECT](): string {
    const frames = (this.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '));
    return redact([`${this.name}: ${JSON.stringify(this.toJSON(), null, 2)}`, ...frames].join('\n'));
  }
}
