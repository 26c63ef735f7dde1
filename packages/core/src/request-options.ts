/** Per-call options, accepted as the last argument of every client method. */
export interface RequestOptions {
  /** Aborts the call (also while waiting to retry). The abort reason is rethrown unchanged. */
  readonly signal?: AbortSignal;
  /** The timeout of each attempt in milliseconds; overrides the client's `timeoutMs`. */
  readonly timeoutMs?: number;
  /** How many times a failed attempt may be retried; overrides the client's `maxRetries`. */
  readonly maxRetries?: number;
  /** The `cal-api-version` header for this call; overrides the per-resource table. */
  readonly apiVersion?: string;
}
