import type { CalComEvent } from '@calcom-int/core';
import * as v from 'valibot';
import { defineTool, readOnlyAnnotations } from '../../define-tool';
import { formatBookingLine, plural, summarizeBooking, UNTRUSTED_TEXT_NOTE } from '../../format';
import { requestOptions } from '../../request-options';
import { DateOrDateTimeSchema, LimitSchema, MAX_LIMIT, rangeCheck, SkipSchema, toRangeBound } from '../../schemas';
import { LIST_FILTER_CORE_FIELDS, listFilterFields, toListFilters } from './list-filters';

/** The statuses the tool offers, and how each maps to Cal.com. */
export const BOOKING_STATUS_MAPPING = {
  confirmed: { filter: ['upcoming', 'past'], statuses: ['accepted'] },
  tentative: { filter: ['unconfirmed'], statuses: ['pending'] },
  cancelled: { filter: ['cancelled'], statuses: ['cancelled', 'rejected'] },
} as const satisfies Record<
  string,
  { filter: readonly ('upcoming' | 'past' | 'unconfirmed' | 'cancelled')[]; statuses: readonly CalComEvent['status'][] }
>;

/** Lists bookings. */
export const listBookings = defineTool({
  name: 'list_bookings',
  description:
    'Lists your Cal.com bookings, one line each with the booking uid, status, times in UTC and in the host’s zone, title, event type and attendees (with their local time when their zone differs); get_booking shows the location and meeting link. ' +
    'status maps to Cal.com as: confirmed = accepted bookings (Cal.com filters upcoming+past, status accepted); ' +
    'tentative = awaiting host confirmation (filter unconfirmed, status pending); cancelled = cancelled or rejected (filter cancelled). ' +
    `${UNTRUSTED_TEXT_NOTE} ` +
    `Pages with limit (default 10, max ${MAX_LIMIT}) and skip. start_date/end_date bound the booking times (ISO 8601; a bare date is a whole UTC day). ` +
    'WORKFLOW: call this to find a booking_id (the uid) before get_booking, reschedule_booking or cancel_booking.',
  input: v.pipe(
    v.strictObject({
      limit: v.pipe(LimitSchema, v.description(`Bookings per page, 1 to ${MAX_LIMIT} (default 10).`)),
      skip: v.pipe(SkipSchema, v.description('Bookings to skip, for the next page (default 0).')),
      status: v.optional(
        v.pipe(
          v.picklist(
            ['confirmed', 'tentative', 'cancelled'],
            'must be one of confirmed, tentative or cancelled (leave it out for all)',
          ),
          v.description('confirmed, tentative (awaiting confirmation) or cancelled; all when left out.'),
        ),
      ),
      start_date: v.optional(
        v.pipe(
          DateOrDateTimeSchema,
          v.description('Only bookings starting at or after this (2026-11-26 or ISO date-time).'),
        ),
      ),
      end_date: v.optional(
        v.pipe(
          DateOrDateTimeSchema,
          v.description('Only bookings ending at or before this (a bare date includes that day).'),
        ),
      ),
      ...listFilterFields,
    }),
    rangeCheck({ start: 'start_date', end: 'end_date', dates: true }),
  ),
  annotations: readOnlyAnnotations('List bookings'),
  coreFields: {
    limit: 'limit',
    skip: 'skip',
    afterStart: 'start_date',
    beforeEnd: 'end_date',
    ...LIST_FILTER_CORE_FIELDS,
  },
  async handler(input, context) {
    const mapping = input.status === undefined ? undefined : BOOKING_STATUS_MAPPING[input.status];
    const page = await context.client.bookings.list(
      {
        limit: input.limit,
        skip: input.skip,
        ...(mapping === undefined ? {} : { status: [...mapping.filter] }),
        ...(input.start_date === undefined ? {} : { afterStart: toRangeBound(input.start_date, 'start') }),
        ...(input.end_date === undefined ? {} : { beforeEnd: toRangeBound(input.end_date, 'end') }),
        ...toListFilters(input),
      },
      requestOptions(context),
    );
    const allowed: readonly CalComEvent['status'][] | undefined = mapping?.statuses;
    const bookings = allowed === undefined ? page.items : page.items.filter((item) => allowed.includes(item.status));
    const { pagination } = page;
    const next = pagination.hasNextPage
      ? ` More: call again with skip ${input.skip + pagination.returnedItems}.`
      : ' No more pages.';
    const header =
      bookings.length === 0
        ? `No bookings found (skip ${input.skip}, ${pagination.totalItems} in total).${next}`
        : `${plural(bookings.length, 'booking')} (skip ${input.skip}, ${pagination.totalItems} in total).${next}`;
    return {
      text: [header, ...bookings.map((booking) => formatBookingLine(booking, { location: false }))].join('\n'),
      structured: {
        bookings: bookings.map(summarizeBooking),
        pagination: {
          skip: input.skip,
          limit: input.limit,
          returned: pagination.returnedItems,
          total: pagination.totalItems,
          hasNextPage: pagination.hasNextPage,
        },
      },
    };
  },
});
