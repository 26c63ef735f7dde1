import * as v from 'valibot';
import { CalComValidationError, type ValidationIssue } from '../../errors/validation-error';
import { describeValue, rangeProblem, TimeInputSchema } from '../../models/input';
import { toUtcIso } from '../../models/time';

export { describeValue };

/**
 * Creates the error of invalid input from its issues; nothing is sent. Each issue's message is "problem. fix" and
 * names no field: the path does, so callers who present the issues under their own field names (the agent tools) can.
 */
function refused(issues: readonly ValidationIssue[]): CalComValidationError {
  const lines = issues.map((issue) => `Invalid ${issue.path === '' ? 'input' : issue.path}: ${issue.message}`);
  return new CalComValidationError(`${lines.join(' ')} Nothing was sent to Cal.com.`, issues);
}

/**
 * Creates the error for one invalid input field under a rule that is not a field schema (a start in the past, a
 * length the event type does not allow); nothing is sent.
 */
export function invalidField(path: string, problem: string, fix: string): CalComValidationError {
  return refused([{ path, message: `${problem}. ${fix}` }]);
}

/**
 * Checks a caller's value with one of the input schemas of `models/input` (the rules the agent tools share) and
 * returns the parsed value; a refusal names the caller's path (`attendee.email`, `guests.2`).
 */
export function parseField<TSchema extends v.GenericSchema>(
  schema: TSchema,
  value: unknown,
  path: string,
): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, value, { abortPipeEarly: true });
  if (result.success) return result.output;
  throw refused(
    result.issues.map((issue) => {
      const inner = v.getDotPath(issue);
      return { path: inner === null ? path : `${path}.${inner}`, message: issue.message };
    }),
  );
}

/**
 * Checks an object of params, so that a missing object (or a list in its place) names the fix instead of failing on its
 * first field.
 */
export function requireObject(value: unknown, path: string, example: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidField(path, `expected an object, got ${describeValue(value)}`, `Pass ${example}.`);
  }
}

/** Checks a time ({@link TimeInputSchema}, or a valid `Date`) and converts it to UTC. */
export function requireTime(value: unknown, path: string): string {
  if (value instanceof Date) {
    const utc = toUtcIso(value);
    if (utc === undefined) throw invalidField(path, 'is an invalid Date', 'Pass a valid Date or an ISO 8601 time.');
    return utc;
  }
  return toUtcIso(parseField(TimeInputSchema, value, path)) as string;
}

/**
 * Checks a range under the one range rule ({@link rangeProblem}): the end after the start, at most `maxDays` long.
 *
 * @param maxDays The longest range allowed, in days, if any.
 */
export function requireOrderedRange(start: string, end: string, path: string, maxDays?: number): void {
  const problem = rangeProblem(start, end, maxDays);
  if (problem !== undefined) throw refused([{ path, message: problem }]);
}
