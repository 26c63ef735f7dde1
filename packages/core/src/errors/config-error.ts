import { CalComError } from './calcom-error';

/** Thrown when the client configuration is missing or invalid (API key, base URL, .env file, option values). */
export class CalComConfigError extends CalComError {
  override readonly name: string = 'CalComConfigError';
  /** The option or environment variable that is wrong, e.g. `CAL_COM_API_KEY`. */
  readonly field: string | undefined;

  /**
   * Creates a configuration error.
   *
   * @param message What is wrong and how to fix it.
   * @param field The option or environment variable that is wrong.
   */
  constructor(message: string, field?: string) {
    super(message, { retryable: false });
    this.field = field;
  }

  protected override fields(): Record<string, unknown> {
    return { field: this.field };
  }
}
