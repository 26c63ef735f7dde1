import { MAX_AVAILABILITY_DAYS, rangeProblem } from '@calcom-int/core/schemas';
import * as v from 'valibot';
import { toRangeBound } from './date-time';

/** Longest range the range tools accept, in days: the client's availability limit. */
export const MAX_RANGE_DAYS = MAX_AVAILABILITY_DAYS;

/** How a range tool reads its two fields. */
export interface RangeFields {
  /** The input field of the start, e.g. `start_time`. */
  readonly start: string;
  /** The input field of the end, e.g. `end_time`; a refusal names it. */
  readonly end: string;
  /** The longest range allowed, in days, if any. */
  readonly maxDays?: number;
  /** Whether the fields may be bare dates (`2026-11-26`), read as whole UTC days. */
  readonly dates?: boolean;
}

/** A problem found by a {@link crossFieldCheck}: the field to name and what is wrong with it. */
export interface CrossFieldProblem {
  /** The input field the issue names. */
  readonly field: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

/**
 * A rule that spans fields (the end after the start, only one of several fields), as a check at the end of a tool's
 * input pipe: it runs in the same parse as the fields once they are valid, and its issue names one field.
 *
 * @param problem Tells what is wrong with the parsed input, if anything.
 * @returns The check, for `v.pipe(v.strictObject({...}), crossFieldCheck(...))`.
 */
export function crossFieldCheck<TInput extends Readonly<Record<string, unknown>>>(
  problem: (input: TInput) => CrossFieldProblem | undefined,
): v.RawCheckAction<TInput> {
  return v.rawCheck<TInput>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const found = problem(dataset.value);
    if (found === undefined) return;
    addIssue({
      message: found.message,
      path: [
        { type: 'object', origin: 'value', input: dataset.value, key: found.field, value: dataset.value[found.field] },
      ],
    });
  });
}

/**
 * The range rule of a tool, core's `rangeProblem` (the end after the start, at most `maxDays` long), as a
 * {@link crossFieldCheck} naming the end field. Left out fields are not checked.
 *
 * @param fields The two fields and the limit.
 * @returns The check.
 */
export function rangeCheck<TInput extends Readonly<Record<string, unknown>>>(
  fields: RangeFields,
): v.RawCheckAction<TInput> {
  return crossFieldCheck<TInput>((input) => {
    const start = input[fields.start];
    const end = input[fields.end];
    if (typeof start !== 'string' || typeof end !== 'string') return undefined;
    const message = fields.dates
      ? rangeProblem(toRangeBound(start, 'start'), toRangeBound(end, 'end'), fields.maxDays, { start, end })
      : rangeProblem(start, end, fields.maxDays);
    return message === undefined ? undefined : { field: fields.end, message };
  });
}
