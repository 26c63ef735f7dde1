import type { ListBookingsFilters } from '@calcom-int/core';
import * as v from 'valibot';
import { EmailSchema, NameSchema, NumericIdSchema } from '../../schemas';

// list_bookings' filters beyond status and range: attendee, event type, team and sort (`GET /v2/bookings`).

/** The sorts the tool offers and the query param and order each sends. */
const SORTS = {
  start_asc: ['sortStart', 'asc'],
  start_desc: ['sortStart', 'desc'],
  created_asc: ['sortCreated', 'asc'],
  created_desc: ['sortCreated', 'desc'],
} as const;

/** The input fields of the filters. */
export const listFilterFields = {
  attendee_email: v.optional(v.pipe(EmailSchema, v.description('Attendee email.'))),
  attendee_name: v.optional(v.pipe(NameSchema, v.description('Attendee name contains this.'))),
  event_type_id: v.optional(v.pipe(NumericIdSchema, v.description('Only this event type.'))),
  team_id: v.optional(v.pipe(NumericIdSchema, v.description("Only this team's event types."))),
  sort: v.optional(
    v.picklist(Object.keys(SORTS) as (keyof typeof SORTS)[], `must be one of ${Object.keys(SORTS).join(', ')}`),
  ),
};

/** How core's paths of the filters name the tool's fields. */
export const LIST_FILTER_CORE_FIELDS = {
  attendeeEmail: 'attendee_email',
  attendeeName: 'attendee_name',
  eventTypeId: 'event_type_id',
  teamId: 'team_id',
  sortStart: 'sort',
  sortCreated: 'sort',
} as const;

/** The parsed filters. */
type FilterInput = { readonly [K in keyof typeof listFilterFields]?: v.InferOutput<(typeof listFilterFields)[K]> };

/**
 * Maps the tool's filters to core's `ListBookingsFilters`.
 *
 * @param input The parsed tool input.
 * @returns The filters to spread into `cal.bookings.list`.
 */
export function toListFilters(input: FilterInput): ListBookingsFilters {
  const sort = input.sort === undefined ? undefined : SORTS[input.sort];
  return {
    ...(input.attendee_email === undefined ? {} : { attendeeEmail: input.attendee_email }),
    ...(input.attendee_name === undefined ? {} : { attendeeName: input.attendee_name }),
    ...(input.event_type_id === undefined ? {} : { eventTypeId: input.event_type_id }),
    ...(input.team_id === undefined ? {} : { teamId: input.team_id }),
    ...(sort === undefined ? {} : { [sort[0]]: sort[1] }),
  };
}
