import { normaliseApiKey } from '../config/api-key';
import { CalComAPIError, CalComAuthError, CalComRateLimitError, CalComServerError } from '../errors/api-error';
import { createApiError } from '../errors/create-api-error';
import { CalComNetworkError } from '../errors/network-error';
import type { RequestOptions } from '../request-options';
import { REDACTED } from '../text/redact';
import { buildUrl } from './build-url';
import { CircuitBreaker } from './circuit-breaker';
import { type Clock, sleep, systemClock } from './clock';
import { USER_AGENT } from './package-version';
import { RateLimiter } from './rate-limiter';
import type { ExecuteResult, RateLimitSnapshot, RequestSpec } from './request-types';
import type { ResolvedClientOptions } from './resolved-options';
import { checkRawResponse, parseData, unwrapSuccessBody } from './response';
import { backoffDelay, parseRetryAfter, shouldRetry } from './retry-policy';
import { describeHolder, INSPECT_CUSTOM } from './secret';
import { createTransport, type Transport, type TransportResponse } from './transport';
import { transportFailure } from './transport-failure';

/** The error code of a request refused before sending because the rate limit is used up. */
const EXHAUSTED_CODE = 'RATE_LIMIT_EXHAUSTED';

/** Test seams of {@link RequestExecutor}. */
export interface ExecutorDependencies {
  /** The clock for timeouts, backoff and rate-limit waits. Default: the system clock (vitest fake timers apply). */
  readonly clock?: Clock;
  /** Random numbers in [0, 1) for jitter. Default `Math.random`. */
  readonly random?: () => number;
  /** The transport. Default: ofetch over fetch (its keep-alive pool, or the `dispatcher` option). */
  readonly transport?: Transport;
}

/** One attempt's context, shared by the helpers. */
interface Attempt {
  readonly method: string;
  readonly url: string;
  readonly path: string;
  readonly apiVersion: string | undefined;
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
}

/**
 * The request loop (D5–D9): builds each request (auth, `cal-api-version`, user agent), enforces the per-attempt
 * timeout merged with the caller's signal, the concurrency cap, rate-limit waits and the circuit breaker, retries by
 * the D6 matrix with backoff, unwraps the envelope and maps errors.
 *
 * Hint: The token lives in a true private field and the options hold the key in a `Secret`, so printing, spreading or
 * serialising an executor never shows it (`toJSON()`, `util.inspect` and `String()` give a redacted summary).
 */
export class RequestExecutor {
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly transport: Transport;
  private readonly limiter: RateLimiter;
  private readonly breaker: CircuitBreaker | undefined;
  /** Whether debug lines are written: without it, the per-request lines are not even built. */
  private readonly debug: boolean;
  /** The bare token sent as `Bearer`; private so that no printing or copying of the executor reaches it. */
  #token: string;

  constructor(
    private readonly options: ResolvedClientOptions,
    dependencies: ExecutorDependencies = {},
  ) {
    this.clock = dependencies.clock ?? systemClock;
    this.random = dependencies.random ?? Math.random;
    this.transport =
      dependencies.transport ??
      createTransport({
        fetch: options.fetch,
        dispatcher: options.dispatcher,
        maxResponseBytes: options.maxResponseBytes,
      });
    this.limiter = new RateLimiter(options.rateLimit.maxConcurrent, this.clock, options.rateLimitBudget);
    this.breaker =
      options.circuitBreaker === false
        ? undefined
        : new CircuitBreaker(options.circuitBreaker.failureThreshold, options.circuitBreaker.cooldownMs, this.clock);
    this.#token = options.apiKey.reveal();
    this.debug = options.logLevel === 'debug';
  }

  /** The rate-limit state reported by the last response that carried rate-limit headers. */
  get rateLimit(): RateLimitSnapshot | undefined {
    return this.limiter.snapshot;
  }

  /** The circuit breaker's state (`closed` when it is turned off). */
  get circuitState(): 'closed' | 'open' | 'half-open' {
    return this.breaker?.state ?? 'closed';
  }

  /**
   * Sends one API call with retries and returns the unwrapped `data`.
   *
   * @param spec The method, path, query, body, resource, retry kind and data schema.
   * @param options The caller's signal, timeout, retry count and API version for this call.
   */
  async execute<TData>(spec: RequestSpec<TData>, options: RequestOptions = {}): Promise<ExecuteResult<TData>> {
    const maxRetries = options.maxRetries ?? this.options.maxRetries;
    const attempt: Attempt = {
      method: spec.method,
      url: buildUrl(this.options.baseUrl, spec.path, spec.query),
      path: spec.path,
      apiVersion: options.apiVersion ?? this.options.apiVersions[spec.resource],
      timeoutMs: options.timeoutMs ?? this.options.timeoutMs,
      signal: options.signal,
    };
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    let refreshed = false;
    for (let retry = 0; ; ) {
      options.signal?.throwIfAborted();
      try {
        return await this.attempt(spec, attempt, body);
      } catch (error) {
        if (options.signal?.aborted) {
          throw options.signal.reason;
        }
        if (!refreshed && this.canRefresh(error)) {
          refreshed = true;
          await this.refresh(attempt);
          continue;
        }
        if (retry >= maxRetries || !shouldRetry(spec.retry, error)) {
          throw error;
        }
        retry += 1;
        const wait = this.retryWait(retry, error);
        if (wait > this.options.maxRetryWaitMs) {
          throw error;
        }
        this.options.logger.warn(
          `Retrying ${attempt.method} ${attempt.path} (attempt ${retry + 1} of ${maxRetries + 1}) in ${wait} ms after ${describe(error)}.`,
          { method: attempt.method, path: attempt.path, attempt: retry + 1, waitMs: wait },
        );
        await sleep(this.clock, wait, options.signal);
      }
    }
  }

  /** Ends the transport; the caller's `dispatcher`, if any, stays open (the caller closes it). Not to be used after. */
  async close(): Promise<void> {
    await this.transport.close();
  }

  /** Ends the transport (`await using`). */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  /** Returns a redacted summary for `JSON.stringify`: the base URL, never the key. */
  toJSON(): { baseUrl: string; apiKey: string } {
    return { baseUrl: this.options.baseUrl, apiKey: REDACTED };
  }

  /** Returns a redacted summary for `String()` and template literals. */
  toString(): string {
    return describeHolder('RequestExecutor', this.options.baseUrl);
  }

  /** Returns a redacted summary for `util.inspect` and `console.log`. */
  [INSPECT_CUSTOM](): string {
    return this.toString();
  }

  /** Runs one attempt under the breaker and the concurrency cap. */
  private async attempt<TData>(
    spec: RequestSpec<TData>,
    attempt: Attempt,
    body: string | undefined,
  ): Promise<ExecuteResult<TData>> {
    this.breaker?.admit();
    let release: (() => void) | undefined;
    try {
      release = await this.limiter.acquire(attempt.signal);
      await this.waitIfExhausted(attempt);
      const response = await this.send(attempt, body);
      const result = this.interpret(spec, attempt, response);
      this.breaker?.recordSuccess();
      return result;
    } catch (error) {
      if (attempt.signal?.aborted || (error instanceof CalComRateLimitError && error.code === EXHAUSTED_CODE)) {
        this.breaker?.recordAbandoned();
      } else if (error instanceof CalComServerError || error instanceof CalComNetworkError) {
        this.breaker?.recordFailure();
      } else {
        this.breaker?.recordSuccess();
      }
      throw error;
    } finally {
      release?.();
    }
  }

  /**
   * Waits for the rate-limit reset when the last response said `remaining: 0` (D8), or throws when the wait is too long.
   */
  private async waitIfExhausted(attempt: Attempt): Promise<void> {
    const wait = this.limiter.exhaustedWaitMs();
    if (wait === 0 || !this.options.rateLimit.waitOnExhausted) {
      return;
    }
    if (wait > this.options.maxRetryWaitMs) {
      throw new CalComRateLimitError({
        status: 429,
        code: EXHAUSTED_CODE,
        message: `Not sent: the Cal.com rate limit is used up and resets in ${Math.ceil(wait / 1000)} s, longer than maxRetryWaitMs (${this.options.maxRetryWaitMs} ms). Retry after the reset, or raise maxRetryWaitMs.`,
        method: attempt.method,
        url: attempt.url,
        retryAfterMs: wait,
        retryable: true,
      });
    }
    this.options.logger.info(
      `Rate limit used up; waiting ${wait} ms for the reset before ${attempt.method} ${attempt.path}.`,
      {
        method: attempt.method,
        path: attempt.path,
        waitMs: wait,
      },
    );
    await this.limiter.waitForReset(wait, attempt.signal);
  }

  /**
   * Sends the request under the per-attempt timeout and the caller's signal.
   *
   * At the time limit, or when the caller aborts, the request is aborted (fetch closes its socket, so a server that
   * never answers holds nothing) and the attempt fails at once, even if a transport ignores the signal. An aborted
   * request costs Node 20's fetch about 70 µs of CPU to follow its signal; we pay it, because a timeout that leaves the
   * request running would leak sockets and keep writes in flight (docs/BENCHMARKS.md).
   */
  private async send(attempt: Attempt, body: string | undefined): Promise<TransportResponse> {
    const callerSignal = attempt.signal;
    const controller = new AbortController();
    let timedOut = false;
    let cancelTimer: (() => void) | undefined;
    let onCallerAbort: (() => void) | undefined;
    const limit = new Promise<never>((_resolve, reject) => {
      cancelTimer = this.clock.setTimer(() => {
        timedOut = true;
        const reason = new DOMException(`Timed out after ${attempt.timeoutMs} ms`, 'TimeoutError');
        controller.abort(reason);
        reject(reason);
      }, attempt.timeoutMs);
      if (callerSignal !== undefined) {
        onCallerAbort = () => {
          controller.abort(callerSignal.reason);
          reject(callerSignal.reason);
        };
        callerSignal.addEventListener('abort', onCallerAbort, { once: true });
      }
    });
    const headers: Record<string, string> = {
      Accept: 'application/json',
      Authorization: `Bearer ${this.#token}`,
      'User-Agent': USER_AGENT,
    };
    if (attempt.apiVersion !== undefined) {
      headers['cal-api-version'] = attempt.apiVersion;
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (this.debug) {
      this.options.logger.debug(`→ ${attempt.method} ${attempt.path}`, {
        method: attempt.method,
        path: attempt.path,
        apiVersion: attempt.apiVersion,
      });
    }
    try {
      const sent = this.transport.send({
        url: attempt.url,
        method: attempt.method,
        headers,
        ...(body === undefined ? {} : { body }),
        signal: controller.signal,
      });
      // Once the limit has won, a late failure of the transport is of no concern (and must not go unhandled).
      sent.catch(() => undefined);
      const response = await Promise.race([sent, limit]);
      if (this.debug) {
        this.options.logger.debug(`← ${response.status} ${attempt.method} ${attempt.path}`, {
          status: response.status,
          requestId: response.headers.get('x-request-id') ?? undefined,
        });
      }
      return response;
    } catch (cause) {
      if (callerSignal?.aborted) {
        throw callerSignal.reason;
      }
      throw transportFailure(cause, attempt, timedOut);
    } finally {
      cancelTimer?.();
      if (onCallerAbort !== undefined) {
        callerSignal?.removeEventListener('abort', onCallerAbort);
      }
    }
  }

  /** Turns a raw response into the result or the matching error. */
  private interpret<TData>(
    spec: RequestSpec<TData>,
    attempt: Attempt,
    response: TransportResponse,
  ): ExecuteResult<TData> {
    const observed = this.limiter.observe(response.headers);
    const rateLimit = this.limiter.snapshot;
    const requestId = response.headers.get('x-request-id') ?? undefined;
    const context = { status: response.status, method: attempt.method, url: attempt.url, requestId };
    const fail = () =>
      createApiError({
        status: response.status,
        bodyText: response.bodyText,
        method: attempt.method,
        url: attempt.url,
        requestId,
        retryAfterMs: this.serverWait(response, observed),
        apiVersion: attempt.apiVersion,
      });
    checkRawResponse(response, context, this.options.maxResponseBytes);
    if (response.status >= 400) {
      throw fail();
    }
    const unwrapped = unwrapSuccessBody(response.bodyText, context);
    if (unwrapped.kind === 'error-envelope') {
      throw fail();
    }
    const data =
      spec.schema === undefined ? (unwrapped.data as TData) : parseData(spec.schema, unwrapped.data, context);
    return { data, pagination: unwrapped.pagination, status: response.status, requestId, rateLimit };
  }

  /** Reads the server's requested wait: `Retry-After`, else `X-RateLimit-Reset-*` on 429 or when `remaining` is 0. */
  private serverWait(response: TransportResponse, observed: RateLimitSnapshot | undefined): number | undefined {
    const now = this.clock.now();
    const retryAfter = parseRetryAfter(response.headers.get('retry-after'), now);
    if (retryAfter !== undefined) {
      return retryAfter;
    }
    if ((response.status === 429 || observed?.remaining === 0) && observed?.resetAt !== undefined) {
      // Measured from when the headers were read, so `Reset: 30` is exactly 30 000 ms however long this took.
      return Math.max(0, observed.resetAt - observed.observedAt);
    }
    return undefined;
  }

  /** Computes the wait before a retry: the server's wait when it gave one, else exponential backoff with jitter. */
  private retryWait(retry: number, error: unknown): number {
    if (error instanceof CalComAPIError && error.retryAfterMs !== undefined) {
      return error.retryAfterMs;
    }
    return backoffDelay(retry, this.random());
  }

  /** Tells whether a failure can be fixed by refreshing the token (401/498 with a `refreshToken` callback). */
  private canRefresh(error: unknown): boolean {
    return (
      this.options.refreshToken !== undefined &&
      error instanceof CalComAuthError &&
      (error.status === 401 || error.status === 498)
    );
  }

  /** Gets a fresh token from the `refreshToken` callback. */
  private async refresh(attempt: Attempt): Promise<void> {
    this.options.logger.info(`Refreshing the access token after an auth failure on ${attempt.method} ${attempt.path}.`);
    const refreshToken = this.options.refreshToken as () => Promise<string>;
    this.#token = normaliseApiKey(await refreshToken(), 'refreshToken()');
  }
}

/**
 * Describes a failure for the retry log.
 *
 * @returns E.g. `503` or `CalComTimeoutError`.
 */
function describe(error: unknown): string {
  return error instanceof CalComAPIError ? `HTTP ${error.status}` : error instanceof Error ? error.name : 'an error';
}
