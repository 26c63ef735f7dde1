import * as v from 'valibot';
import { type CalComEvent, CalComEventSchema } from '../../models/booking';
import type { Page, Pagination } from '../../models/pagination';
import type { RequestOptions } from '../../request-options';
import type { ResourceContext } from '../common/context';
import { bookingQuery, type ListBookingsFilters, MAX_BOOKINGS_PAGE_SIZE } from './booking-filters';

const BookingPageSchema = v.array(CalComEventSchema);

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
  const query = bookingQuery(filters);
  const result = await context.executor.execute(
    { method: 'GET', path: '/bookings', query, resource: 'bookings', retry: 'idempotent', schema: BookingPageSchema },
    options,
  );
  return { items: result.data, pagination: result.pagination ?? derivePagination(result.data.length, query) };
}

/**
 * Walks all bookings matching the filters, one page in memory at a time (`skip += returnedItems` while
 * `hasNextPage`).
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
  let skip = filters.skip ?? 0;
  for (;;) {
    const page = await listBookings(context, { ...filters, skip }, options);
    yield* page.items;
    if (!page.pagination.hasNextPage || page.pagination.returnedItems <= 0) {
      return;
    }
    skip += page.pagination.returnedItems;
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
