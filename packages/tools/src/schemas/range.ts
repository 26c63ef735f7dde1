import type { ToolIssue } from '../define-tool';

/** Longest range the range tools accept, in days. */
export const MAX_RANGE_DAYS = 62;

/**
 * Checks that a range ends after it starts (and, optionally, is not too long).
 *
 * @param start The start (ISO 8601, already validated).
 * @param end The end (ISO 8601, already validated).
 * @param fields The input field names of start and end.
 * @param maxDays The longest range allowed, if any.
 * @returns The problems found.
 */
export function checkRange(
  start: string,
  end: string,
  fields: { readonly start: string; readonly end: string },
  maxDays?: number,
): ToolIssue[] {
  const startTime = Date.parse(start);
  const endTime = Date.parse(end);
  if (endTime <= startTime) {
    return [{ field: fields.end, message: `must be after ${fields.start} (${start}); swap them or fix the date` }];
  }
  if (maxDays !== undefined && endTime - startTime > maxDays * 86_400_000) {
    return [
      {
        field: fields.end,
        message: `must be at most ${maxDays} days after ${fields.start}; ask for a shorter range and page through it`,
      },
    ];
  }
  return [];
}
