import type { CalComEvent } from '@calcom-int/core';
import { bookingTimeZone } from './booking';
import { formatRange } from './time';

/** One occurrence of a recurring booking in structured output. */
export interface OccurrenceSummary {
  /** The occurrence's booking uid. */
  readonly uid: string;
  /** Its status. */
  readonly status: CalComEvent['status'];
  /** Its start, UTC ISO 8601. */
  readonly start: string;
  /** Its end, UTC ISO 8601. */
  readonly end: string;
}

/**
 * Formats the occurrences of a recurring booking, one line each: `occurrence 2 of 4: uid … | cancelled | <times>`.
 *
 * @param occurrences The occurrences in start order.
 * @returns The lines, the first naming the series.
 */
export function formatOccurrences(occurrences: readonly CalComEvent[]): string[] {
  const series = occurrences[0]?.recurringBookingUid;
  return [
    `Recurring series ${series || '(unknown)'}: ${occurrences.length} occurrence${occurrences.length === 1 ? '' : 's'}.`,
    ...occurrences.map(
      (occurrence, index) =>
        `occurrence ${index + 1} of ${occurrences.length}: uid ${occurrence.uid} | ${occurrence.status} | ${formatRange(occurrence.start, occurrence.end, bookingTimeZone(occurrence))}`,
    ),
  ];
}

/**
 * Summarises occurrences for structured output.
 *
 * @param occurrences The occurrences in start order.
 * @returns The summaries.
 */
export function summarizeOccurrences(occurrences: readonly CalComEvent[]): OccurrenceSummary[] {
  return occurrences.map(({ uid, status, start, end }) => ({ uid, status, start, end }));
}
