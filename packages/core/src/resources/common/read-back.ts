import { CalComNotFoundError, CalComServerError } from '../../errors/api-error';
import { CalComNetworkError } from '../../errors/network-error';
import { CalComUnexpectedResponseError } from '../../errors/unexpected-response-error';
import type { CalComUnknownOutcomeError } from '../../errors/unknown-outcome-error';
import type { RetryKind } from '../../internal/request-types';

/**
 * Tells whether a failed write may still have happened: the request was sent and then timed out, the connection
 * broke, the server failed (5xx) or the answer was unreadable. A connection refused before anything was sent
 * (`requestSent: false`) is not ambiguous: nothing happened and the write may be sent again.
 */
export function isAmbiguous(error: unknown): boolean {
  return (
    (error instanceof CalComNetworkError && error.requestSent) ||
    error instanceof CalComServerError ||
    error instanceof CalComUnexpectedResponseError
  );
}

/** What reading a resource back after an ambiguous write showed. */
export type ReadBack<TValue> =
  /** The write is visible; `value` is what the call returns. */
  | { readonly state: 'done'; readonly value: TValue }
  /** The resource is readable and the write is not visible in it. */
  | { readonly state: 'not-done' }
  /** It cannot be told: the read failed, or the written fields are not visible in the answer. */
  | { readonly state: 'unknown' };

/** The result of a write with the way it was confirmed. */
export interface WriteOutcome<TValue> {
  /** What the call returns: Cal.com's answer, or the resource read back. */
  readonly value: TValue;
  /** `true` when Cal.com's answer was lost (timeout, reset, 5xx, unreadable body) and reading back showed the write. */
  readonly verifiedByReadBack: boolean;
}

/** A write that creates something: never sent twice (D6); an ambiguous failure is settled by looking it up (D7). */
export interface CreatingWrite<TValue> {
  /** Sends the write once, with `retry: 'create'` (retried only on 429 and before anything was sent). */
  send(): Promise<TValue>;
  /** Looks for what the write would have made; `undefined` when it is not there. May throw. */
  find(): Promise<TValue | undefined>;
  /** Builds the error thrown when nothing was found or the lookup failed. */
  unknownOutcome(cause: unknown): CalComUnknownOutcomeError;
}

/**
 * Sends a creating write once (D6) and settles an ambiguous failure by looking the result up (D7): found → success
 * `verifiedByReadBack`, not found or not readable → `CalComUnknownOutcomeError`. Clear failures (400, 404, 409, 429,
 * a refused connection) are thrown as they are: nothing was made.
 */
export async function sendCreatingWrite<TValue>(write: CreatingWrite<TValue>): Promise<WriteOutcome<TValue>> {
  try {
    return { value: await write.send(), verifiedByReadBack: false };
  } catch (error) {
    if (!isAmbiguous(error)) throw error;
    const found = await write.find().catch(() => undefined);
    if (found !== undefined) return { value: found, verifiedByReadBack: true };
    throw write.unknownOutcome(error);
  }
}

/**
 * A write that cannot take effect twice: a state change Cal.com refuses once it is made (cancel, confirm, decline), a
 * delete, or a `PATCH` of absolute values. Once a read-back shows it has not happened, sending it again is safe.
 */
export interface RepeatableWrite<TValue> {
  /**
   * Sends the write. The first send uses `retry: 'create'`, so the request loop never repeats it after an ambiguous
   * failure (the read-back decides instead); the second uses `retry: 'idempotent'`.
   */
  send(retry: RetryKind): Promise<TValue>;
  /** Reads the resource back and tells whether the write is visible. Should not throw (a throw counts as unknown). */
  readBack(): Promise<ReadBack<TValue>>;
  /**
   * Tells whether a refusal of the second send may be Cal.com's answer to our own first, ambiguous send (a cancel
   * refused with 400 because our first cancel went through; a delete answered 404).
   */
  refusalMayBeOurs(error: unknown): boolean;
  /** Builds the error thrown when the outcome cannot be told. */
  unknownOutcome(cause: unknown): CalComUnknownOutcomeError;
}

/**
 * Sends a repeatable write (D6, D7). An ambiguous failure is never retried blindly: the resource is read back first.
 * Visible → success `verifiedByReadBack`. Not visible (or not readable) → the write is sent once more, now with the
 * request loop's retries; if that fails too, or is refused in a way our first send may have caused, the resource is
 * read back again. Still not visible → the refusal or the server error is thrown as it is (nothing happened), or,
 * when the request may still land (timeout, reset, unreadable answer) or nothing could be read,
 * `CalComUnknownOutcomeError`.
 *
 * @returns Cal.com's answer or the resource read back, and how it was confirmed.
 */
export async function sendRepeatableWrite<TValue>(write: RepeatableWrite<TValue>): Promise<WriteOutcome<TValue>> {
  try {
    return { value: await write.send('create'), verifiedByReadBack: false };
  } catch (error) {
    if (!isAmbiguous(error)) throw error;
    const first = await readBackSafely(write);
    if (first.state === 'done') return { value: first.value, verifiedByReadBack: true };
  }
  let failure: unknown;
  try {
    return { value: await write.send('idempotent'), verifiedByReadBack: false };
  } catch (error) {
    if (!isAmbiguous(error) && !write.refusalMayBeOurs(error)) throw error;
    failure = error;
  }
  const last = await readBackSafely(write);
  if (last.state === 'done') return { value: last.value, verifiedByReadBack: true };
  if (last.state === 'not-done' && (!isAmbiguous(failure) || failure instanceof CalComServerError)) throw failure;
  throw write.unknownOutcome(failure);
}

/** A delete with read-back: how to send it, how to look the resource up, and the error when nobody can tell. */
export interface RepeatableDelete {
  /** Sends the `DELETE` with the given retry kind (see {@link RepeatableWrite.send}). */
  send(retry: RetryKind): Promise<unknown>;
  /** Reads the resource; `CalComNotFoundError` means it is gone. */
  lookUp(): Promise<unknown>;
  /** Builds the error thrown when the outcome cannot be told. */
  unknownOutcome(cause: unknown): CalComUnknownOutcomeError;
}

/**
 * Sends a delete as a {@link sendRepeatableWrite}: the resource is gone when looking it up answers 404, and a 404 to
 * the second send may be Cal.com's answer to our own first one.
 *
 * @param write How to send, how to look up and what to throw when it cannot be told.
 */
export async function sendRepeatableDelete(write: RepeatableDelete): Promise<void> {
  await sendRepeatableWrite<undefined>({
    send: (retry) => write.send(retry).then(() => undefined),
    readBack: async () => {
      try {
        await write.lookUp();
        return { state: 'not-done' };
      } catch (error) {
        if (error instanceof CalComNotFoundError) return { state: 'done', value: undefined };
        throw error;
      }
    },
    refusalMayBeOurs: (error) => error instanceof CalComNotFoundError,
    unknownOutcome: write.unknownOutcome,
  });
}

/** Reads back, counting a failed read as "cannot tell". */
async function readBackSafely<TValue>(write: RepeatableWrite<TValue>): Promise<ReadBack<TValue>> {
  try {
    return await write.readBack();
  } catch {
    return { state: 'unknown' };
  }
}
