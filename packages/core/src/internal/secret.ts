import { REDACTED, registerSecret } from '../text/redact';

/** The symbol Node's `util.inspect` (and so `console.log`) calls for a custom representation. */
export const INSPECT_CUSTOM = Symbol.for('nodejs.util.inspect.custom');

/**
 * Holds a credential (an API key or an OAuth access token) so that no way of printing or copying the holder shows it.
 * The value lives in a true private field, which `util.inspect` (even with `showHidden`), spreading,
 * `Object.keys`/`entries`, `structuredClone` and `JSON.stringify` cannot reach; `String()`, template literals,
 * `toJSON()` and `util.inspect` give `[REDACTED]`. Only {@link Secret.reveal} returns it.
 */
export class Secret {
  readonly #value: string;

  /** Wraps a credential and registers it for redaction. */
  constructor(value: string) {
    registerSecret(value);
    this.#value = value;
  }

  /** Returns the credential. Call it only where it is sent (the `Authorization` header). */
  reveal(): string {
    return this.#value;
  }

  /** Returns `[REDACTED]`, for `String()` and template literals. */
  toString(): string {
    return REDACTED;
  }

  /** Returns `[REDACTED]`, for `JSON.stringify`. */
  toJSON(): string {
    return REDACTED;
  }

  /** Returns `[REDACTED]`, for `util.inspect` and `console.log`. */
  [INSPECT_CUSTOM](): string {
    return REDACTED;
  }
}

/** Describes an object that holds a credential without showing it, for `toJSON()`, `util.inspect` and `String()`. */
export function describeHolder(name: string, baseUrl: string): string {
  return `${name} { baseUrl: '${baseUrl}', apiKey: '${REDACTED}' }`;
}
