import * as v from 'valibot';
import { buildUrl } from '../../internal/build-url';
import type { RequestSpec } from '../../internal/request-types';
import { type CalComEvent, CalComEventSchema } from '../../models/booking';
import type { Page, Pagination } from '../../models/pagination';
import type { RequestOptions } from '../../request-options';
import type { ResourceContext } from '../common/context';
import { MAX_STALLED_PAGES, SeenKeys, walkStopped } from '../common/page-walk';
import { bookingQuery, type ListBookingsFilters, MAX_BOOKINGS_PAGE_SIZE } from './booking-filters';

const BookingPageSchema = v.array(CalComEventSchema);

/** One page of bookings with the response facts a walk needs for its errors. */
interface FetchedPage {
  readonly page: Page<CalComEvent>;
  readonly request: { readonly method: string; readonly url: string };
  readonly response: { readonly status: number; readonly requestId: string | undefined };
}

/**
 * Lists one page of bookings (`GET /v2/bookings`).
 *
 * @param context The resource context.
 * @param filters The filters and page.
 * @param options The per-call options.
 * @returns The page.
 */
export async function listBookings(
  context: ResourceContext,
  filters: ListBookingsFilters,
  options: RequestOptions | undefined,
): Promise<Page<CalComEvent>> {
  return (await fetchPage(context, filters, options)).page;
}

/**
 * Fetches one page of bookings and keeps the request and response facts.
 *
 * @param context The resource context.
 * @param filters The filters and page.
 * @param options The per-call options.
 * @returns The page, the request and the response facts.
 */
async function fetchPage(
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
 *
 * @param context The resource context.
 * @param filters The filters; `limit` is the page size, `skip` the first item.
 * @param options The per-call options.
 * @returns An async iterator of bookings.
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
    const fetched = await fetchPage(context, { ...filters, skip }, options);
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
        advice: `The ${yielded} bookings yielded so far are real; report the answer with the request id, and narrow the filters (afterStart, beforeEnd, status) to read the rest with listBookings.`,
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

/**
 * Derives pagination for a list answer without `pagination`.
 *
 * @param returned The number of items returned.
 * @param query The query sent.
 * @returns The pagination.
 */
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
