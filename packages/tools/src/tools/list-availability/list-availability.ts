import * as v from 'valibot';
import { defineTool, readOnlyAnnotations } from '../../define-tool';
import { formatRange, plural, toUtc } from '../../format';
import { requestOptions } from '../../request-options';
import {
  checkRange,
  DateOrDateTimeSchema,
  MAX_RANGE_DAYS,
  numericIdSchema,
  TimeZoneSchema,
  toRangeBound,
} from '../../schemas';

/** Lists free times. */
export const listAvailability = defineTool({
  name: 'list_availability',
  description:
    'Lists free times between start_date and end_date, one line per free slot in UTC and in the local time zone. ' +
    'With event_type_id it returns the bookable starts of that event type (use this before booking); without it, the free ' +
    "periods of the user's working hours minus existing bookings. Dates are ISO 8601: a bare date (2026-11-26) is a whole UTC day; " +
    `date-times need an offset or Z. At most ${MAX_RANGE_DAYS} days per call. ` +
    'WORKFLOW: list_event_types → list_availability(event_type_id) → create_booking with a start returned here, never an invented one.',
  input: v.strictObject({
    user_id: v.optional(
      v.pipe(numericIdSchema('get_user_profile or get_team'), v.description('Whose availability; you when left out.')),
    ),
    start_date: v.pipe(DateOrDateTimeSchema, v.description('Range start: 2026-11-26 or 2026-11-26T09:00:00Z.')),
    end_date: v.pipe(
      DateOrDateTimeSchema,
      v.description('Range end: a bare date includes that whole day (UTC); a date-time is exclusive.'),
    ),
    event_type_id: v.optional(
      v.pipe(numericIdSchema('list_event_types'), v.description('Return bookable starts of this event type.')),
    ),
    time_zone: v.optional(
      v.pipe(
        TimeZoneSchema,
        v.description("IANA zone for the local times, e.g. Europe/Rome; the user's profile zone when left out."),
      ),
    ),
  }),
  annotations: readOnlyAnnotations('List availability'),
  refine(input) {
    return checkRange(
      toRangeBound(input.start_date, 'start'),
      toRangeBound(input.end_date, 'end'),
      { start: 'start_date', end: 'end_date' },
      MAX_RANGE_DAYS,
    );
  },
  async handler(input, context) {
    const availability = await context.client.listAvailability(
      {
        start: toRangeBound(input.start_date, 'start'),
        end: toRangeBound(input.end_date, 'end'),
        ...(input.user_id === undefined ? {} : { userId: input.user_id }),
        ...(input.event_type_id === undefined ? {} : { eventTypeId: input.event_type_id }),
        ...(input.time_zone === undefined ? {} : { timeZone: input.time_zone }),
      },
      requestOptions(context),
    );
    const timeZone = input.time_zone ?? availability.timeZone;
    const free = availability.slots.filter((slot) => slot.isAvailable);
    const header =
      free.length === 0
        ? `No free times between ${toUtc(availability.start)} and ${toUtc(availability.end)}. Try a later or longer range.`
        : `${availability.eventTypeId === undefined ? plural(free.length, 'free period') : `${plural(free.length, 'free start')} for event_type_id ${availability.eventTypeId}`} (UTC, then ${timeZone}):`;
    const lines = free.map((slot) => formatRange(slot.start, slot.end, timeZone));
    return {
      text: [header, ...lines].join('\n'),
      structured: {
        timeZone,
        start: toUtc(availability.start),
        end: toUtc(availability.end),
        ...(availability.eventTypeId === undefined ? {} : { eventTypeId: availability.eventTypeId }),
        slots: free.map((slot) => ({ start: toUtc(slot.start), end: toUtc(slot.end) })),
      },
    };
  },
});
