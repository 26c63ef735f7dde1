import { CalComError } from '@calcom-int/core';
import type { CalComTool, ToolIssue } from './define-tool';
import type { ToolError } from './tool-error';

/** The facts the runner reads from a core error (structurally, so a second copy of core works too). */
interface ErrorFacts {
  readonly name: string;
  readonly message: string;
  readonly status?: unknown;
  readonly code?: unknown;
  readonly requestId?: unknown;
  readonly retryable?: unknown;
  readonly retryAfterMs?: unknown;
  readonly nearestAvailableStarts?: unknown;
  readonly howToCheck?: unknown;
  readonly issues?: unknown;
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function issuesOf(value: unknown): ToolIssue[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  return value.map((issue: { path?: unknown; message?: unknown }) => {
    const path = Array.isArray(issue.path) ? issue.path.join('.') : typeof issue.path === 'string' ? issue.path : '';
    return { field: path || '(input)', message: typeof issue.message === 'string' ? issue.message : 'is invalid' };
  });
}

function seconds(milliseconds: number): number {
  return Math.max(1, Math.ceil(milliseconds / 1000));
}

/** Drops undefined fields so results stay exact (`exactOptionalPropertyTypes`). */
function compact(error: Record<string, unknown>): ToolError {
  return Object.fromEntries(Object.entries(error).filter(([, value]) => value !== undefined)) as unknown as ToolError;
}

/**
 * Turns anything a handler threw into a tool error that says what happened and what to do next.
 *
 * @param error The thrown value.
 * @param tool The tool that failed (its annotations decide the advice for writes).
 * @returns The tool error.
 */
export function mapError(error: unknown, tool: Pick<CalComTool, 'name' | 'annotations'>): ToolError {
  if (!CalComError.isInstance(error)) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      kind: 'internal',
      message: `${tool.name} failed unexpectedly: ${detail}. This is a bug in the tool, not in your input; report it and do not retry a write.`,
      retryable: false,
    };
  }
  const facts = error as unknown as ErrorFacts;
  const status = numberOrUndefined(facts.status);
  const retryAfterMs = numberOrUndefined(facts.retryAfterMs);
  const isWrite = !tool.annotations.readOnlyHint;
  const base = {
    status,
    code: stringOrUndefined(facts.code),
    requestId: stringOrUndefined(facts.requestId),
    retryable: facts.retryable === true,
  };
  const checkFirst = isWrite
    ? ' Do not repeat the write blindly: it may have gone through. Check with list_bookings or get_booking first.'
    : base.retryable
      ? ' Retry in a few seconds.'
      : ' Retrying the same call is unlikely to help; tell the user if it happens again.';
  switch (facts.name) {
    case 'CalComValidationError':
      return compact({
        ...base,
        kind: 'rejected_input',
        issues: issuesOf(facts.issues),
        // Cal.com's rejection already says what to fix (core's message); a client-side refusal gets the tool's name.
        message: status
          ? `Cal.com rejected the input (${status}): ${facts.message}`
          : `The input was refused before sending: ${facts.message} Fix the fields named and call ${tool.name} again.`,
      });
    case 'CalComAuthError':
      return compact({
        ...base,
        kind: 'auth',
        message:
          status === 403
            ? `Cal.com denied access (403): ${facts.message} Do not retry with the same key; use ids of resources this user owns or belongs to.`
            : `Cal.com refused the credentials (${status ?? 401}): ${facts.message} Check CAL_COM_API_KEY (a valid Cal.com API key, cal_…, with access to this resource). Do not retry until it is fixed.`,
      });
    case 'CalComNotFoundError':
      return compact({
        ...base,
        kind: 'not_found',
        message: `Not found (404): ${facts.message} Check the id: take it from list_bookings, list_event_types or list_teams; never invent ids.`,
      });
    case 'CalComSlotUnavailableError': {
      const starts = Array.isArray(facts.nearestAvailableStarts)
        ? facts.nearestAvailableStarts.filter((start): start is string => typeof start === 'string')
        : [];
      const next =
        starts.length > 0
          ? `Nearest free starts (UTC): ${starts.join(', ')}. Offer them to the user and call ${tool.name} again with the chosen one.`
          : 'Call list_availability for free starts and offer them to the user.';
      return compact({
        ...base,
        kind: 'slot_unavailable',
        nearestAvailableStarts: starts,
        message: `That time is not available: ${facts.message} ${next}`,
      });
    }
    case 'CalComConflictError':
      return compact({
        ...base,
        kind: 'conflict',
        message: `Conflict (409): ${facts.message} Reload the booking with get_booking and decide again; do not repeat the same call.`,
      });
    case 'CalComRateLimitError':
      return compact({
        ...base,
        kind: 'rate_limited',
        retryAfterMs,
        retryable: true,
        message: `Cal.com rate limit reached (429). Wait ${retryAfterMs === undefined ? 60 : seconds(retryAfterMs)} s, then call ${tool.name} again.`,
      });
    case 'CalComServerError':
      return compact({
        ...base,
        kind: 'server_error',
        message: `Cal.com had a server error (${status ?? 500}): ${facts.message}${checkFirst}`,
      });
    case 'CalComTimeoutError':
      return compact({ ...base, kind: 'timeout', message: `Cal.com did not answer in time.${checkFirst}` });
    case 'CalComNetworkError':
      return compact({
        ...base,
        kind: 'network',
        message: `Could not reach Cal.com (${facts.message}). Check the network and CAL_COM_BASE_URL.${checkFirst}`,
      });
    case 'CalComUnknownOutcomeError': {
      const howToCheck = stringOrUndefined(facts.howToCheck) ?? 'Look the booking up with list_bookings.';
      return compact({
        ...base,
        kind: 'unknown_outcome',
        retryable: false,
        howToCheck,
        message: `The outcome of ${tool.name} is unknown: Cal.com may or may not have made the change. ${howToCheck} Do not call ${tool.name} again until you have checked.`,
      });
    }
    case 'CalComCircuitOpenError':
      return compact({
        ...base,
        kind: 'circuit_open',
        retryAfterMs,
        retryable: true,
        message: `Cal.com failed repeatedly, so calls are paused${retryAfterMs === undefined ? '' : ` for ${seconds(retryAfterMs)} s`}. Try again after that.`,
      });
    case 'CalComRedirectError':
      return compact({
        ...base,
        kind: 'config',
        retryable: false,
        message: `The request was redirected: ${facts.message} The client never follows redirects, so Cal.com's API did not take this call${isWrite ? ' (nothing was written)' : ''}. Fix CAL_COM_BASE_URL; do not retry until it is fixed.`,
      });
    case 'CalComUnexpectedResponseError':
    case 'CalComResponseTooLargeError':
      return compact({
        ...base,
        kind: 'unexpected_response',
        message: `Cal.com answered with something unexpected: ${facts.message}${checkFirst}`,
      });
    case 'CalComConfigError':
      return compact({
        ...base,
        kind: 'config',
        message: `The Cal.com client is misconfigured: ${facts.message} Fix the configuration (CAL_COM_API_KEY, CAL_COM_BASE_URL).`,
      });
    default:
      return compact({
        ...base,
        kind: 'api_error',
        message: `Cal.com returned an error${status ? ` (${status})` : ''}: ${facts.message}${isWrite ? checkFirst : ''}`,
      });
  }
}
