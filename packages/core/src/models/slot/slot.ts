import * as v from 'valibot';
import { UtcTimestampSchema } from '../time';

/** Slot DTO schema: one entry of `GET /v2/slots` (`format=range` gives `end`; offsets are in the requested zone). */
export const SlotDtoSchema = v.object({
  start: UtcTimestampSchema,
  end: v.optional(UtcTimestampSchema),
});

/** Schema of the `GET /v2/slots` data: a map from local date to slots (times parsed to UTC). */
export const SlotsDtoSchema = v.record(v.string(), v.array(SlotDtoSchema));

/** A bookable slot (domain model): ISO 8601 UTC `start` and `end`. */
export interface Slot {
  /** The slot start (ISO 8601 UTC). */
  readonly start: string;
  /** The slot end (ISO 8601 UTC). */
  readonly end: string;
}

/**
 * Flattens the slots map into UTC slots sorted by start.
 *
 * @param durationMinutes The length used when a slot has no `end`.
 */
export function withSlotEnds(data: v.InferOutput<typeof SlotsDtoSchema>, durationMinutes: number): Slot[] {
  return Object.values(data)
    .flat()
    .map((slot) => ({
      start: slot.start,
      end: slot.end ?? new Date(Date.parse(slot.start) + durationMinutes * 60_000).toISOString(),
    }))
    .sort((left, right) => Date.parse(left.start) - Date.parse(right.start));
}
