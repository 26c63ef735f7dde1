import { BOOKING_LIST_STATUSES } from '../../generated/spec-facts.generated';
import type { QueryValue } from '../../internal/request-types';
import {
  EmailInputSchema,
  IdInputSchema,
  MAX_BOOKINGS_PAGE_SIZE,
  MAX_NAME_LENGTH,
  pageSizeInputSchema,
  SkipInputSchema,
  type SortOrder,
  SortOrderInputSchema,
  textInputSchema,
} from '../../models/input';
import { describeValue, invalidField, parseField, requireObject, requireTime } from '../common/validate';

export { BOOKING_LIST_STATUSES };

/** A booking list status. */
export type BookingListStatus = (typeof BOOKING_LIST_STATUSES)[number];

/** Filters of `cal.bookings.list` and `cal.bookings.iterate`. */
export interface ListBookingsFilters {
  /** Page size, 1–100. Default 100. */
  readonly limit?: number;
  /** How many bookings to skip. Default 0. */
  readonly skip?: number;
  /** One or several statuses. */
  readonly status?: BookingListStatus | readonly BookingListStatus[];
  /** Only bookings starting at or after this time. */
  readonly afterStart?: string | Date;
  /** Only bookings ending at or before this time. */
  readonly beforeEnd?: string | Date;
  /** Only bookings of this event type. */
  readonly eventTypeId?: number;
  /** Only bookings with this attendee email. */
  readonly attendeeEmail?: string;
  /** Only bookings with an attendee of this name (`attendeeName`). */
  readonly attendeeName?: string;
  /** Only bookings of this team's event types (`teamId`). */
  readonly teamId?: number;
  /** Sort by start: `asc` (earliest first) or `desc`. At most one of the sorts. Default: Cal.com's order. */
  readonly sortStart?: SortOrder;
  /** Sort by end: `asc` or `desc`. */
  readonly sortEnd?: SortOrder;
  /** Sort by creation time: `asc` or `desc` (newest first). */
  readonly sortCreated?: SortOrder;
}

const SORTS = ['sortStart', 'sortEnd', 'sortCreated'] as const;

/** The sort of a list (at most one of {@link SORTS}), as query params. */
function sortQuery(filters: ListBookingsFilters): Record<string, SortOrder> {
  const given = SORTS.filter((key) => filters[key] !== undefined);
  if (given.length > 1) {
    throw invalidField(given[1] as string, `is given with ${given[0]}`, 'Sort by one of start, end or creation time.');
  }
  const key = given[0];
  return key === undefined ? {} : { [key]: parseField(SortOrderInputSchema, filters[key], key) };
}

export type { SortOrder };
export { MAX_BOOKINGS_PAGE_SIZE };

/** The client's page size: a larger one is told about `skip` and `iterate()`. */
const ClientPageSizeSchema = pageSizeInputSchema('page with skip, or walk every page with cal.bookings.iterate()');

/** Checks booking filters and builds the query (`take`/`skip` on the wire). */
export function bookingQuery(filters: ListBookingsFilters): Record<string, QueryValue> {
  requireObject(filters, 'filters', 'e.g. { limit: 20 }');
  const take =
    filters.limit === undefined ? MAX_BOOKINGS_PAGE_SIZE : parseField(ClientPageSizeSchema, filters.limit, 'limit');
  const skip = filters.skip === undefined ? 0 : parseField(SkipInputSchema, filters.skip, 'skip');
  let status: string[] | undefined;
  if (filters.status !== undefined) {
    const statuses: readonly unknown[] = Array.isArray(filters.status) ? filters.status : [filters.status];
    for (const [index, value] of statuses.entries()) {
      if (!(BOOKING_LIST_STATUSES as readonly unknown[]).includes(value)) {
        throw invalidField(
          Array.isArray(filters.status) ? `status.${index}` : 'status',
          `${describeValue(value)} is not a booking status filter`,
          `Use ${BOOKING_LIST_STATUSES.join(', ')}.`,
        );
      }
    }
    status = statuses as string[];
  }
  return {
    take,
    skip,
    status,
    afterStart: filters.afterStart === undefined ? undefined : requireTime(filters.afterStart, 'afterStart'),
    beforeEnd: filters.beforeEnd === undefined ? undefined : requireTime(filters.beforeEnd, 'beforeEnd'),
    eventTypeId:
      filters.eventTypeId === undefined ? undefined : parseField(IdInputSchema, filters.eventTypeId, 'eventTypeId'),
    attendeeEmail:
      filters.attendeeEmail === undefined
        ? undefined
        : parseField(EmailInputSchema, filters.attendeeEmail, 'attendeeEmail'),
    attendeeName:
      filters.attendeeName === undefined
        ? undefined
        : parseField(textInputSchema(MAX_NAME_LENGTH), filters.attendeeName, 'attendeeName').trim(),
    teamId: filters.teamId === undefined ? undefined : parseField(IdInputSchema, filters.teamId, 'teamId'),
    ...sortQuery(filters),
  };
}
