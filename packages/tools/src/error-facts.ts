import { quoteUntrusted } from './format/untrusted';
import type { ToolError } from './tool-error';

/** The facts the runner reads from a core error (structurally, so a second copy of core works too). */
export interface ErrorFacts {
  readonly name: string;
  readonly message: string;
  readonly status?: unknown;
  readonly code?: unknown;
  readonly requestId?: unknown;
  readonly retryable?: unknown;
  readonly retryAfterMs?: unknown;
  readonly nearestAvailableStarts?: unknown;
  readonly requestedStart?: unknown;
  readonly timeZone?: unknown;
  readonly howToCheck?: unknown;
  readonly check?: unknown;
  readonly issues?: unknown;
}

/** A finite number, or `undefined`. */
export function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A non-empty string, or `undefined`. */
export function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * Quotes what Cal.com itself said (its `serverMessage`), as data: core's own advice is written for developers (API
 * versions, client options) and the model cannot act on it.
 *
 * @param error The core error.
 * @returns `: "Booking not found"`, or an empty string when Cal.com said nothing.
 */
export function calComSaid(error: unknown): string {
  const said = stringOrUndefined((error as { serverMessage?: unknown }).serverMessage);
  return said === undefined ? '' : `: ${quoteUntrusted(said)}`;
}

/**
 * Copies the facts a core error carries (its own fields are not enumerable in every case).
 *
 * @param error The core error.
 * @returns The facts.
 */
export function pickFacts(error: ErrorFacts): ErrorFacts {
  return {
    name: error.name,
    message: error.message,
    status: error.status,
    code: error.code,
    requestId: error.requestId,
    retryable: error.retryable,
    retryAfterMs: error.retryAfterMs,
    nearestAvailableStarts: error.nearestAvailableStarts,
    requestedStart: error.requestedStart,
    timeZone: error.timeZone,
    howToCheck: error.howToCheck,
    check: error.check,
    issues: error.issues,
  };
}

/** Drops undefined fields so results stay exact (`exactOptionalPropertyTypes`). */
export function compact(error: Record<string, unknown>): ToolError {
  return Object.fromEntries(Object.entries(error).filter(([, value]) => value !== undefined)) as unknown as ToolError;
}
