import { BOOKING_LIST_STATUSES } from '../../generated/spec-facts.generated';
import type { QueryValue } from '../../internal/request-types';
import {
  EmailInputSchema,
  IdInputSchema,
  MAX_BOOKINGS_PAGE_SIZE,
  PageSizeInputSchema,
  SkipInputSchema,
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
}

export { MAX_BOOKINGS_PAGE_SIZE };

/** Checks booking filters and builds the query (`take`/`skip` on the wire). */
export function bookingQuery(filters: ListBookingsFilters): Record<string, QueryValue> {
  requireObject(filters, 'filters', 'e.g. { limit: 20 }');
  const take =
    filters.limit === undefined ? MAX_BOOKINGS_PAGE_SIZE : parseField(PageSizeInputSchema, filters.limit, 'limit');
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
  };
}
