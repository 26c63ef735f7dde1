import * as v from 'valibot';
import { CalComConflictError } from '../../errors/api-error';
import { CalComUnknownOutcomeError } from '../../errors/unknown-outcome-error';
import { CalComValidationError } from '../../errors/validation-error';
import { buildUrl } from '../../internal/build-url';
import type { RequestSpec, RetryKind } from '../../internal/request-types';
import { type BookingStatus, type CalComEvent, CalComEventSchema } from '../../models/booking';
import type { Page, Pagination } from '../../models/pagination';
import type { RequestOptions } from '../../request-options';
import { pathParam, type ResourceContext, uidParam } from '../common/context';
import { MAX_STALLED_PAGES, SeenKeys, walkStopped } from '../common/page-walk';
import type { ReadBack } from '../common/read-back';
import { invalidField } from '../common/validate';

import { bookingQuery, type ListBookingsFilters, MAX_BOOKINGS_PAGE_SIZE } from './booking-filters';

// The requests the bookings resource, its read-backs and the D7 reconciliation (reconcile.ts) share.

const BookingPageSchema = v.array(CalComEventSchema);

/** One booking, or the occurrences of a recurring booking (`GET /v2/bookings/{uid}` of a series uid, some writes). */
export const BookingOrSeriesSchema = v.union([v.pipe(v.array(CalComEventSchema), v.minLength(1)), CalComEventSchema]);

/** One page of bookings with the response facts a walk needs for its errors. */
export interface FetchedPage {
  readonly page: Page<CalComEvent>;
  readonly request: { readonly method: string; readonly url: string };
  readonly response: { readonly status: number; readonly requestId: string | undefined };
}

/** `GET /v2/bookings/{uid}`: one booking, or the occurrences when `uid` is a recurring series' uid. */
export async function getBookingOrSeries(
  context: ResourceContext,
  uid: string,
  options: RequestOptions | undefined,
): Promise<CalComEvent | CalComEvent[]> {
  const bookingUid = uidParam(uid, 'uid');
  const result = await context.executor.execute(
    {
      method: 'GET',
      path: `/bookings/${pathParam(bookingUid)}`,
      resource: 'bookings',
      retry: 'idempotent',
      schema: BookingOrSeriesSchema,
    },
    options,
  );
  return result.data;
}

/** `GET /v2/bookings/{uid}` of one booking; a series uid is refused with how to read its occurrences. */
export async function getBooking(
  context: ResourceContext,
  uid: string,
  options: RequestOptions | undefined,
): Promise<CalComEvent> {
  const got = await getBookingOrSeries(context, uid, options);
  if (!Array.isArray(got)) return got;
  throw invalidField(
    'uid',
    `${uid} is the uid of a recurring booking's series (${got.length} occurrences), not of one booking`,
    'Read them with cal.bookings.listOccurrences, or pass the uid of one occurrence.',
  );
}

/**
 * A `POST` on bookings that answers one booking: `retry: 'create'` for writes that must never be blindly retried
 * (create, reschedule; D6), `retry: 'idempotent'` for actions on an existing booking (cancel, confirm, decline).
 */
export async function postBooking(
  context: ResourceContext,
  path: string,
  body: unknown,
  retry: RetryKind,
  options: RequestOptions | undefined,
): Promise<CalComEvent> {
  const result = await context.executor.execute(
    { method: 'POST', path, body, resource: 'bookings', retry, schema: CalComEventSchema },
    options,
  );
  return result.data;
}

/** `GET /v2/bookings`: one page, with the request and response facts. */
export async function fetchBookingsPage(
  context: ResourceContext,
  filters: ListBookingsFilters,
  options: RequestOptions | undefined,
): Promise<FetchedPage> {
  const query = bookingQuery(filters);
  const spec = {
    method: 'GET',
    path: '/bookings',
    query,
    resource: 'bookings',
    retry: 'idempotent',
    schema: BookingPageSchema,
  } as const satisfies RequestSpec<CalComEvent[]>;
  const result = await context.executor.execute(spec, options);
  return {
    page: { items: result.data, pagination: result.pagination ?? derivePagination(result.data.length, query) },
    request: { method: spec.method, url: buildUrl(context.baseUrl, spec.path, query) },
    response: result,
  };
}

/**
 * Walks all bookings matching the filters, one page in memory at a time, while `hasNextPage`. It never trusts the
 * server's counts: `skip` advances by the items actually received (not `returnedItems`), a uid is never yielded twice
 * (the last `MAX_REMEMBERED_KEYS`, 10 000, uids are remembered), and a server that makes no progress stops the walk with
 * `CalComUnexpectedResponseError`: at once on an empty page that claims more, or after {@link MAX_STALLED_PAGES}
 * pages in a row that only repeat bookings already yielded.
 */
export async function* iterateBookings(
  context: ResourceContext,
  filters: ListBookingsFilters,
  options: RequestOptions | undefined,
): AsyncIterableIterator<CalComEvent> {
  const seen = new SeenKeys();
  let skip = filters.skip ?? 0;
  let yielded = 0;
  let stalled = 0;
  for (;;) {
    const fetched = await fetchBookingsPage(context, { ...filters, skip }, options);
    const { items, pagination } = fetched.page;
    let fresh = 0;
    for (const booking of items) {
      if (seen.add(booking.uid)) {
        fresh += 1;
        yielded += 1;
        yield booking;
      }
    }
    if (!pagination.hasNextPage) {
      return;
    }
    const stop = { what: 'bookings', request: fetched.request, response: fetched.response };
    if (items.length === 0) {
      throw walkStopped({
        ...stop,
        reason: `the page at skip ${skip} is empty but claims more (hasNextPage: true, returnedItems: ${pagination.returnedItems}), so the walk would never end`,
        advice: `The ${yielded} bookings yielded so far are real; report the answer with the request id, and narrow the time range or the status to read the rest.`,
        path: 'pagination.hasNextPage',
      });
    }
    stalled = fresh === 0 ? stalled + 1 : 0;
    if (stalled >= MAX_STALLED_PAGES) {
      throw walkStopped({
        ...stop,
        reason: `${MAX_STALLED_PAGES} pages in a row (the last at skip ${skip}) only repeated bookings already yielded while claiming more, so the server ignores skip and the walk would never end`,
        advice: `The ${yielded} bookings yielded so far are real; report the answer with the request id.`,
        path: 'pagination.hasNextPage',
      });
    }
    skip += items.length;
  }
}

/** Pagination for a list answer without `pagination`. */
function derivePagination(returned: number, query: { take?: unknown; skip?: unknown }): Pagination {
  const take = typeof query.take === 'number' ? query.take : MAX_BOOKINGS_PAGE_SIZE;
  const skip = typeof query.skip === 'number' ? query.skip : 0;
  return {
    totalItems: skip + returned,
    remainingItems: 0,
    returnedItems: returned,
    itemsPerPage: take,
    currentPage: Math.floor(skip / take) + 1,
    totalPages: Math.ceil((skip + returned) / take),
    hasNextPage: false,
    hasPreviousPage: skip > 0,
  };
}

/** Reads a booking back and tells whether it has the status a write wanted. */
export async function readBackStatus(
  context: ResourceContext,
  uid: string,
  wanted: BookingStatus,
  options: RequestOptions | undefined,
): Promise<ReadBack<CalComEvent>> {
  const booking = await getBooking(context, uid, options);
  return booking.status === wanted ? { state: 'done', value: booking } : { state: 'not-done' };
}

/**
 * Whether Cal.com refused a booking action because of the booking's state (400/422, or 409): the answer a repeated
 * cancel, confirm or decline gets once the first one went through.
 */
export function isRefusal(error: unknown): boolean {
  return (error instanceof CalComValidationError && error.status !== undefined) || error instanceof CalComConflictError;
}

/** The error of a booking action (`cancel`, `confirm`, `decline`) whose outcome could not be told. */
export function unknownStatus(
  uid: string,
  action: string,
  status: BookingStatus,
  cause: unknown,
): CalComUnknownOutcomeError {
  return new CalComUnknownOutcomeError(
    `The ${action} of booking ${uid} failed after it was sent, and reading the booking back did not show it ${status}, so it may or may not have happened.`,
    {
      operation: 'bookings.get',
      params: { uid },
      meaning: `: status "${status}" means it happened; otherwise ${action} it again.`,
    },
    cause,
  );
}
