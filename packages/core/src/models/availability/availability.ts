import * as v from 'valibot';
import { IdSchema } from '../id';

/** Availability slot schema: a UTC block and whether it is free. */
export const AvailabilitySlotSchema = v.object({
  start: v.string(),
  end: v.string(),
  isAvailable: v.boolean(),
});

/** A block of time (ISO 8601 UTC) and whether the user is free in it. */
export type AvailabilitySlot = v.InferOutput<typeof AvailabilitySlotSchema>;

/** Availability schema: the blocks of a time range, with the zone they are reported in (asked for, or the profile zone). */
export const AvailabilitySchema = v.object({
  timeZone: v.string(),
  start: v.string(),
  end: v.string(),
  eventTypeId: v.optional(IdSchema),
  slots: v.array(AvailabilitySlotSchema),
});

/** Availability of a user over a time range (domain model). */
export type Availability = v.InferOutput<typeof AvailabilitySchema>;
