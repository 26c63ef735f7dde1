import type { BookingOutput, PaginationMeta } from '@calcom-int/testkit';
import { buildBooking, buildPagination } from '@calcom-int/testkit/fixtures';
import { server } from '@calcom-int/testkit/vitest';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createTestClient } from '../../../test/support/test-client';
import { CalComUnexpectedResponseError } from '../../errors/unexpected-response-error';
import { MAX_STALLED_PAGES } from '../common/page-walk';

/** Ten bookings `bk_0` … `bk_9`, as Cal.com sends them. */
const BOOKINGS: BookingOutput[] = Array.from({ length: 10 }, (_, index) =>
  buildBooking({ id: 9001 + index, uid: `bk_${index}` }),
);
const ALL_UIDS = BOOKINGS.map((booking) => booking.uid);

/** One page as a lying server builds it from the requested `skip` and `take`. */
type PageAnswer = (skip: number, take: number) => { data: BookingOutput[]; pagination: PaginationMeta };

/**
 * Answers `GET /v2/bookings` with pages built by `answer` and records the `skip` of every request.
 *
 * @param answer Builds the page for a `skip` and `take`.
 * @returns The skips requested, in order.
 */
function serveBookings(answer: PageAnswer): number[] {
  const skips: number[] = [];
  server.use(
    http.get('https://api.cal.com/v2/bookings', ({ request }) => {
      const query = new URL(request.url).searchParams;
      const skip = Number(query.get('skip'));
      skips.push(skip);
      return HttpResponse.json(
        { status: 'success', ...answer(skip, Number(query.get('take'))) },
        { headers: { 'X-Request-Id': `req-skip-${skip}` } },
      );
    }),
  );
  return skips;
}

/**
 * Walks `bookings.iterate` with pages of 5 and collects the uids and the error it ends with, if any.
 *
 * @returns The uids yielded and the error.
 */
async function walk(): Promise<{ uids: string[]; error: unknown }> {
  const uids: string[] = [];
  try {
    for await (const booking of createTestClient().bookings.iterate({ limit: 5 })) uids.push(booking.uid);
    return { uids, error: undefined };
  } catch (error) {
    return { uids, error };
  }
}

describe('bookings.iterate against a server whose pagination lies', () => {
  it('stops with CalComUnexpectedResponseError at an empty page that claims more, after yielding the real bookings', async () => {
    const skips = serveBookings((skip, take) => ({
      data: BOOKINGS.slice(skip, Math.min(skip + take, 5)),
      // Claims 10 bookings, but has only 5.
      pagination: { ...buildPagination({ totalItems: 10, take, skip }), returnedItems: take, hasNextPage: true },
    }));
    const { uids, error } = await walk();
    expect(uids).toEqual(ALL_UIDS.slice(0, 5));
    expect(skips).toEqual([0, 5]);
    expect(error).toBeInstanceOf(CalComUnexpectedResponseError);
    expect(error).toMatchObject({
      path: 'pagination.hasNextPage',
      status: 200,
      method: 'GET',
      requestId: 'req-skip-5',
      url: 'https://api.cal.com/v2/bookings?take=5&skip=5',
    });
    expect((error as Error).message).toBe(
      'Stopped reading bookings from GET /v2/bookings: the page at skip 5 is empty but claims more (hasNextPage: true, returnedItems: 5), so the walk would never end. The 5 bookings yielded so far are real; report the answer with the request id, and narrow the time range or the status to read the rest.',
    );
  });

  it('advances skip by the bookings received when returnedItems says fewer, and yields each uid once', async () => {
    const skips = serveBookings((skip, take) => ({
      data: BOOKINGS.slice(skip, skip + take),
      pagination: { ...buildPagination({ totalItems: 10, take, skip }), returnedItems: 1 },
    }));
    const { uids, error } = await walk();
    expect(error).toBeUndefined();
    expect(uids).toEqual(ALL_UIDS);
    expect(skips).toEqual([0, 5]);
  });

  it('advances skip by the bookings received when returnedItems says more, so none is skipped', async () => {
    const skips = serveBookings((skip) => ({
      // Three per page, while claiming five.
      data: BOOKINGS.slice(skip, skip + 3),
      pagination: {
        ...buildPagination({ totalItems: 10, take: 5, skip }),
        returnedItems: 5,
        hasNextPage: skip + 3 < 10,
      },
    }));
    const { uids, error } = await walk();
    expect(error).toBeUndefined();
    expect(uids).toEqual(ALL_UIDS);
    expect(skips).toEqual([0, 3, 6, 9]);
  });

  it('drops bookings repeated across pages (items that shifted while walking)', async () => {
    const skips = serveBookings((skip, take) => ({
      // Every page after the first starts two bookings early: bk_3 and bk_4 come twice.
      data: BOOKINGS.slice(Math.max(0, skip - 2), skip + take),
      pagination: buildPagination({ totalItems: 10, take, skip }),
    }));
    const { uids, error } = await walk();
    expect(error).toBeUndefined();
    expect(uids).toEqual(ALL_UIDS);
    expect(skips).toEqual([0, 5]);
  });

  it(`stops after ${MAX_STALLED_PAGES} pages in a row that only repeat bookings (a server that ignores skip)`, async () => {
    const skips = serveBookings((_skip, take) => ({
      data: BOOKINGS.slice(0, take),
      pagination: { ...buildPagination({ totalItems: 10, take, skip: 0 }), hasNextPage: true },
    }));
    const { uids, error } = await walk();
    expect(uids).toEqual(ALL_UIDS.slice(0, 5));
    expect(skips).toEqual([0, 5, 10, 15]);
    expect(error).toBeInstanceOf(CalComUnexpectedResponseError);
    expect(error).toMatchObject({ path: 'pagination.hasNextPage', requestId: 'req-skip-15' });
    expect((error as Error).message).toContain(
      '3 pages in a row (the last at skip 15) only repeated bookings already yielded while claiming more',
    );
  });

  it('refuses a pagination that is not Cal.com’s (a count as text) instead of trusting it', async () => {
    serveBookings((skip, take) => ({
      data: BOOKINGS.slice(skip, skip + take),
      pagination: { ...buildPagination({ totalItems: 10, take, skip }), returnedItems: '5' as unknown as number },
    }));
    const { uids, error } = await walk();
    expect(uids).toEqual([]);
    expect(error).toBeInstanceOf(CalComUnexpectedResponseError);
    expect(error).toMatchObject({ path: 'pagination.returnedItems' });
  });
});
