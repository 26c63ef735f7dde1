import * as v from 'valibot';
import { defineTool, readOnlyAnnotations } from '../../define-tool';
import { requestOptions } from '../../request-options';
import {
  crossFieldCheck,
  DateOrDateTimeSchema,
  EVENT_TYPE_REFERENCE_CORE_FIELDS,
  eventTypeReferenceCheck,
  eventTypeReferenceFields,
  MAX_RANGE_DAYS,
  NumericIdSchema,
  REFERENCE_FIELD_NAMES,
  rangeCheck,
  timeZoneSchema,
  toEventTypeReference,
  toRangeBound,
} from '../../schemas';
import { DEFAULT_AVAILABILITY_LIMIT, MAX_AVAILABILITY_LIMIT, renderAvailability } from './render-availability';

/** `user_id` with an event type: the event type's starts are its hosts', whoever `user_id` names. */
const USER_WITH_EVENT_TYPE =
  "cannot be combined with an event type: an event type's free starts are its own hosts', whoever user_id names. " +
  "Drop user_id to get the event type's starts; for another user's free starts, name one of their event types " +
  '(event_type_id, or event_type_slug with username) instead.';

/** Lists free times. */
export const listAvailability = defineTool({
  name: 'list_availability',
  description:
    'Lists free times between start_date and end_date, one line per local day: its date, its UTC offset, then the free times in that zone. ' +
    `Lists at most limit free times (default ${DEFAULT_AVAILABILITY_LIMIT}); the rest are counted per day, with the start_date to call again with. ` +
    'With an event type (event_type_id, or event_type_slug with username or team_slug) it returns its bookable starts (use this before booking); without one, the free ' +
    "periods of the user's working hours minus existing bookings. Dates are ISO 8601: a bare date (2026-11-26) is a whole UTC day; " +
    'date-times need an offset or Z. end_date is inclusive, as in Cal.com: a start exactly at end_date is listed. ' +
    "Local times show their UTC offset (10:00+01:00). time_zone left out: your Cal.com profile's zone, in both modes. " +
    `At most ${MAX_RANGE_DAYS} days per call. ` +
    'WORKFLOW: list_event_types → list_availability(event_type_id) → create_booking with a start returned here, never an invented one.',
  input: v.pipe(
    v.strictObject({
      user_id: v.optional(
        v.pipe(
          NumericIdSchema,
          v.description(
            "Your own user id (the default). Cal.com shows only your own working hours; for another user's free starts use event_type_id of their event type. Not with event_type_id.",
          ),
        ),
      ),
      start_date: v.pipe(DateOrDateTimeSchema, v.description('Range start: 2026-11-26 or 2026-11-26T09:00:00Z.')),
      end_date: v.pipe(
        DateOrDateTimeSchema,
        v.description(
          'Range end, inclusive: a bare date covers that whole UTC day (starts up to 23:59:59Z, not the next 00:00); a date-time includes a start exactly then.',
        ),
      ),
      ...eventTypeReferenceFields,
      event_type_id: v.optional(
        v.pipe(
          NumericIdSchema,
          v.description('Return bookable starts of this event type (its id from list_event_types).'),
        ),
      ),
      limit: v.optional(
        v.pipe(
          v.number(`must be a number: how many free times to list, 1 to ${MAX_AVAILABILITY_LIMIT}`),
          v.integer(`must be a whole number from 1 to ${MAX_AVAILABILITY_LIMIT}`),
          v.minValue(1, `must be at least 1 (at most ${MAX_AVAILABILITY_LIMIT})`),
          v.maxValue(
            MAX_AVAILABILITY_LIMIT,
            `must be at most ${MAX_AVAILABILITY_LIMIT}; narrow the range or page on with start_date instead`,
          ),
          v.description(
            `How many free times to list, 1 to ${MAX_AVAILABILITY_LIMIT} (default ${DEFAULT_AVAILABILITY_LIMIT}); the rest are counted per day.`,
          ),
        ),
      ),
      time_zone: v.optional(
        timeZoneSchema(
          "IANA zone for the local times, e.g. Europe/Rome; your Cal.com profile's zone (get_user_profile) when left out, with or without event_type_id.",
        ),
      ),
    }),
    crossFieldCheck((input) =>
      input.user_id !== undefined && REFERENCE_FIELD_NAMES.some((name) => input[name] !== undefined)
        ? { field: 'user_id', message: USER_WITH_EVENT_TYPE }
        : undefined,
    ),
    eventTypeReferenceCheck(true),
    rangeCheck({ start: 'start_date', end: 'end_date', maxDays: MAX_RANGE_DAYS, dates: true }),
  ),
  annotations: readOnlyAnnotations('List availability'),
  coreFields: {
    start: 'start_date',
    end: 'end_date',
    userId: 'user_id',
    ...EVENT_TYPE_REFERENCE_CORE_FIELDS,
    timeZone: 'time_zone',
  },
  async handler(input, context) {
    const named = REFERENCE_FIELD_NAMES.some((name) => input[name] !== undefined);
    const availability = await context.client.availability.list(
      {
        start: toRangeBound(input.start_date, 'start'),
        // Slots: the last allowed start (a bare date stops at 23:59:59Z, as Cal.com reads it); periods: cut at the day's end.
        end: toRangeBound(input.end_date, named ? 'lastStart' : 'end'),
        ...(input.user_id === undefined ? {} : { userId: input.user_id }),
        ...(named ? toEventTypeReference(input) : {}),
        ...(input.time_zone === undefined ? {} : { timeZone: input.time_zone }),
      },
      requestOptions(context),
    );
    const timeZone = input.time_zone ?? availability.timeZone;
    return renderAvailability({
      free: availability.slots.filter((slot) => slot.isAvailable),
      timeZone,
      eventTypeId: availability.eventTypeId,
      ...(input.event_type_slug === undefined
        ? {}
        : {
            eventTypeSlug: input.event_type_slug,
            owner: input.team_slug === undefined ? `username ${input.username}` : `team_slug ${input.team_slug}`,
          }),
      start: availability.start,
      end: availability.end,
      limit: input.limit ?? DEFAULT_AVAILABILITY_LIMIT,
    });
  },
});
