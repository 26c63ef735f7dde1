import type { ToolIssue } from './define-tool';

/** What kind of failure a tool result reports. */
export type ToolErrorKind =
  | 'invalid_input'
  | 'rejected_input'
  | 'auth'
  | 'not_found'
  | 'slot_unavailable'
  | 'conflict'
  | 'rate_limited'
  | 'server_error'
  | 'timeout'
  | 'network'
  | 'unknown_outcome'
  | 'circuit_open'
  | 'unexpected_response'
  | 'config'
  | 'api_error'
  | 'internal';

/** The structured part of a failed tool result. */
export interface ToolError {
  /** The failure kind. */
  readonly kind: ToolErrorKind;
  /** What happened and what to do next. */
  readonly message: string;
  /** Whether calling again later can succeed without changing the input. */
  readonly retryable: boolean;
  /** The HTTP status, when Cal.com answered. */
  readonly status?: number;
  /** Cal.com's error code, when it sent one. */
  readonly code?: string;
  /** Cal.com's request id, for support. */
  readonly requestId?: string;
  /** The input fields at fault. */
  readonly issues?: readonly ToolIssue[];
  /** How long to wait before calling again, in milliseconds. */
  readonly retryAfterMs?: number;
  /** Free starts nearest the one that was taken (UTC ISO 8601). */
  readonly nearestAvailableStarts?: readonly string[];
  /** How to find out whether a write happened. */
  readonly howToCheck?: string;
}
