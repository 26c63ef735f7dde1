import { CalComError } from '@calcom-int/core';
import type { CalComTool, ToolIssue } from './define-tool';
import { calComSaid, compact, type ErrorFacts, numberOrUndefined, pickFacts, stringOrUndefined } from './error-facts';
import { formatLocal, toUtc } from './format/time';
import type { ToolError } from './tool-error';
import { howToCheckWithTools } from './write-check';

/** What {@link mapError} reads of a tool: its name, its annotations and its names for core's fields. */
type MappedTool = Pick<CalComTool, 'name' | 'annotations' | 'coreFields'>;

/**
 * Names each issue of a client refusal by the tool's own field: the issue's path looked up in the tool's `coreFields`
 * (the messages name no field; core's input rules are written that way).
 *
 * @param value The error's issues.
 * @param tool The tool.
 * @returns The tool issues.
 */
function issuesOf(value: unknown, tool: MappedTool): ToolIssue[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  return value.map((issue: { path?: unknown; message?: unknown }) => {
    const path = Array.isArray(issue.path) ? issue.path.join('.') : typeof issue.path === 'string' ? issue.path : '';
    return {
      field: (tool.coreFields?.[path] ?? path) || '(input)',
      message: typeof issue.message === 'string' ? issue.message : 'is invalid',
    };
  });
}

/**
 * Shows a start in UTC and, when the zone of the request is known and not UTC, in local time with its offset.
 *
 * @param start The ISO 8601 start.
 * @param timeZone The zone of the request (the attendee's), if known.
 * @returns `2026-06-02T07:30:00Z (Tue 2026-06-02 09:30+02:00 Europe/Berlin)`.
 */
function startInZones(start: string, timeZone: string | undefined): string {
  const utc = toUtc(start);
  if (timeZone === undefined || timeZone === 'UTC') return utc;
  try {
    return `${utc} (${formatLocal(start, timeZone)})`;
  } catch {
    return utc;
  }
}

function seconds(milliseconds: number): number {
  return Math.max(1, Math.ceil(milliseconds / 1000));
}

/**
 * Turns anything a handler threw into a tool error that says what happened and what to do next.
 *
 * @param error The thrown value.
 * @param tool The tool that failed (its annotations decide the advice for writes).
 * @returns The tool error.
 */
export function mapError(error: unknown, tool: MappedTool): ToolError {
  if (!CalComError.isInstance(error)) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      kind: 'internal',
      message: `${tool.name} failed unexpectedly: ${detail}. This is a bug in the tool, not in your input; report it and do not retry a write.`,
      retryable: false,
    };
  }
  const facts = pickFacts(error as unknown as ErrorFacts);
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
    case 'CalComValidationError': {
      const issues = issuesOf(facts.issues, tool);
      // Cal.com's rejection already says what to fix (core's message); a client-side refusal is told from its issues,
      // under the tool's field names (core's message names the client's).
      const refusal = (issues ?? []).map((issue) => `${issue.field}: ${issue.message}`).join(' ');
      return compact({
        ...base,
        kind: 'rejected_input',
        issues,
        message: status
          ? `Cal.com rejected the input (${status}): ${facts.message}`
          : `The input was refused before sending: ${refusal} Fix the fields named and call ${tool.name} again.`,
      });
    }
    case 'CalComAuthError':
      return compact({
        ...base,
        kind: 'auth',
        message:
          status === 403
            ? `Cal.com denied access (403)${calComSaid(error)}: this account may not see or change that resource. Use ids from this account's own results (list_bookings, list_event_types, list_teams); if the user needs this, tell them the account lacks access.`
            : `Cal.com refused the credentials (${status ?? 401})${calComSaid(error)}; nothing was done. Tell the user the Cal.com API key (CAL_COM_API_KEY) is missing, expired or wrong and must be replaced; do not call Cal.com tools again until they say it is fixed.`,
      });
    case 'CalComNotFoundError':
      return compact({
        ...base,
        kind: 'not_found',
        message: `Not found (404)${calComSaid(error)}: nothing with that id is visible to this account. Check the id: take it from list_bookings, list_event_types or list_teams; never invent ids.`,
      });
    case 'CalComSlotUnavailableError': {
      const starts = Array.isArray(facts.nearestAvailableStarts)
        ? facts.nearestAvailableStarts.filter((start): start is string => typeof start === 'string')
        : [];
      const timeZone = stringOrUndefined(facts.timeZone);
      const requested = stringOrUndefined(facts.requestedStart);
      // The client's slot check says which start was refused: say it once, in UTC and local time, with the nearest
      // free starts listed once (core's own message lists them too, so it is not repeated). Cal.com's refusal is quoted.
      const what =
        requested === undefined
          ? starts.length > 0
            ? 'that start is not free; nothing was booked.'
            : facts.message
          : `${startInZones(requested, timeZone)} is not a free start; nothing was booked.`;
      const next =
        starts.length > 0
          ? `Nearest free starts: ${starts.map((start) => startInZones(start, timeZone)).join(', ')}. Offer them to the user and call ${tool.name} again with the chosen one (its UTC time).`
          : 'Call list_availability for free starts and offer them to the user.';
      return compact({
        ...base,
        kind: 'slot_unavailable',
        nearestAvailableStarts: starts,
        message: `That time is not available: ${what} ${next}`,
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
        message: `Could not reach Cal.com (${facts.message}).${checkFirst}`,
      });
    case 'CalComUnknownOutcomeError': {
      const howToCheck = howToCheckWithTools(facts.check);
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
        message: `The request was redirected: ${facts.message} The client never follows redirects, so Cal.com's API did not take this call${isWrite ? ' (nothing was written)' : ''}. Tell the user the Cal.com address (CAL_COM_BASE_URL) must be fixed; do not retry until it is.`,
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
        message: `The Cal.com connection is misconfigured, so nothing was sent: ${facts.message} Tell the user to fix the configuration (CAL_COM_API_KEY, CAL_COM_BASE_URL); do not retry until they have.`,
      });
    default:
      return compact({
        ...base,
        kind: 'api_error',
        message: `Cal.com returned an error${status ? ` (${status})` : ''}: ${facts.message}${isWrite ? checkFirst : ''}`,
      });
  }
}
