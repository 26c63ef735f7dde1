import { CalComNetworkError, CalComTimeoutError } from '../errors/network-error';

/** System error codes of connections that failed before any byte was sent, so a write can be retried safely. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** The facts of the attempt that failed, as the error reports them. */
export interface FailedAttempt {
  readonly method: string;
  /** The request URL (redacted by the error). */
  readonly url: string;
  /** The path, for the message. */
  readonly path: string;
  /** The per-attempt timeout in milliseconds. */
  readonly timeoutMs: number;
}

/**
 * Maps a request that got no response to the error the caller sees: a timeout, or a network error that says whether
 * the request may have been sent (D7: only a connection that failed before sending makes a write safe to retry).
 */
export function transportFailure(
  cause: unknown,
  attempt: FailedAttempt,
  timedOut: boolean,
): CalComTimeoutError | CalComNetworkError {
  const where = `${attempt.method} ${attempt.path}`;
  if (timedOut) {
    return new CalComTimeoutError(
      {
        message: `${where} timed out after ${attempt.timeoutMs} ms. Cal.com may be slow or unreachable; retry later or raise timeoutMs. For a write, check whether it happened before sending it again.`,
        method: attempt.method,
        url: attempt.url,
        cause,
      },
      attempt.timeoutMs,
    );
  }
  const errorCode = findErrorCode(cause);
  const requestSent = errorCode === undefined || !NOT_SENT_CODES.has(errorCode);
  return new CalComNetworkError({
    message: `${where} failed: no response from Cal.com (${errorCode ?? errorMessage(cause)}). ${
      requestSent
        ? 'The connection broke after the request may have been sent; for a write, check whether it happened before retrying.'
        : 'Nothing was sent; check the network and CAL_COM_BASE_URL, then retry.'
    }`,
    method: attempt.method,
    url: attempt.url,
    requestSent,
    ...(errorCode === undefined ? {} : { errorCode }),
    cause,
  });
}

/** Finds a system error code (`ECONNREFUSED`) in an error's cause chain. */
function findErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') {
      return code;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
