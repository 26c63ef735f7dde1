import type { BookingResult } from '@calcom-int/core';
import * as v from 'valibot';
import { formatOccurrences, summarizeOccurrences } from '../../format';

// create_booking's recurring input (recurrence_count) and what the result shows of the occurrences.

/** The input field: how many occurrences of a recurring event type to book. */
export const recurrenceFields = {
  recurrence_count: v.optional(
    v.pipe(
      v.number(),
      v.integer(),
      v.minValue(1),
      v.description("Recurring event types: occurrences to book; default and max the event type's."),
    ),
  ),
};

/** The core field `recurrence_count` is checked as. */
export const RECURRENCE_CORE_FIELDS = { recurrenceCount: 'recurrence_count' } as const;

/**
 * The create details of `recurrence_count`.
 *
 * @param input The tool input.
 * @returns `{ recurrenceCount }`, or nothing.
 */
export function toRecurrence(input: { readonly recurrence_count?: number | undefined }): { recurrenceCount?: number } {
  return input.recurrence_count === undefined ? {} : { recurrenceCount: input.recurrence_count };
}

/**
 * The text lines and structured fields a recurring result adds: every occurrence with its uid.
 *
 * @param result The create result.
 * @returns Nothing for a booking that does not repeat.
 */
export function occurrencesOf(result: Pick<BookingResult, 'occurrences'>): {
  lines: string[];
  structured: { occurrences?: ReturnType<typeof summarizeOccurrences> };
} {
  if (result.occurrences === undefined) return { lines: [], structured: {} };
  return {
    lines: formatOccurrences(result.occurrences),
    structured: { occurrences: summarizeOccurrences(result.occurrences) },
  };
}
