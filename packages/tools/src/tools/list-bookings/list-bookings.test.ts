import { simulator, TEST_API_KEY, TEST_BASE_URL, useSimulator } from '@calcom-int/testkit/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  createTestContext,
  expectFailure,
  expectOk,
  NOW,
  requestsSeen,
  useFixedSimulator,
} from '../../../test/support';
import { runTool } from '../../run-tool';
import { listBookings } from './list-bookings';

describe('list_bookings', () => {
  beforeEach(() => useFixedSimulator());

  it('lists bookings with the default page of 10', async () => {
    const result = expectOk(await runTool(listBookings, {}, createTestContext()));
    expect(requestsSeen()).toEqual([
      { method: 'GET', path: '/v2/bookings', query: { take: '10', skip: '0' }, body: undefined },
    ]);
    expect(simulator().requests[0]?.headers['cal-api-version']).toBe('2024-08-13');
    expect(result.text).toMatchInlineSnapshot(`
      "6 bookings (skip 0, 6 in total). No more pages.
      uid jHQDm1O9sYSp75q4z5HC1S | accepted | 2026-11-18T08:00:00Z–08:15:00Z (Wed 2026-11-18 09:00+01:00–09:15 Europe/Berlin) | "15 min meeting between Ada Lovelace and Katherine Johnson" | event_type_id 3001 | with "Katherine Johnson" <katherine@example.com> (02:00-06:00–02:15 America/Chicago)
      uid mAg88Rlsa9ceIZPJeEYvRL | accepted | 2026-11-26T09:00:00Z–09:30:00Z (Thu 2026-11-26 10:00+01:00–10:30 Europe/Berlin) | "30 min meeting between Ada Lovelace and Grace Hopper" | event_type_id 3002 | with "Grace Hopper" <grace@example.com> (04:00-05:00–04:30 America/New_York)
      uid CakxSMohvLscv9OuJUZPJt | pending | 2026-11-26T13:00:00Z–14:00:00Z (Thu 2026-11-26 14:00+01:00–15:00 Europe/Berlin) | "Consultation between Ada Lovelace and Alan Turing" | event_type_id 3003 | with "Alan Turing" <alan@example.com> (13:00+00:00–14:00 Europe/London)
      uid 2f6rKp6I8KYHYUofgEy0QK | cancelled | 2026-11-27T08:00:00Z–08:30:00Z (Fri 2026-11-27 09:00+01:00–09:30 Europe/Berlin) | "30 min meeting between Ada Lovelace and Hedy Lamarr" | event_type_id 3002 | with "Hedy Lamarr" <hedy@example.com> (09:00+01:00–09:30 Europe/Vienna) | cancelled: "Attendee is travelling"
      uid S3RIoiUHIESpoHfgNxP971 | cancelled | 2026-11-27T10:00:00Z–10:30:00Z (Fri 2026-11-27 11:00+01:00–11:30 Europe/Berlin) | "30 min meeting between Ada Lovelace and Tu Youyou" | event_type_id 3002 | with "Tu Youyou" <tu@example.com> (18:00+08:00–18:30 Asia/Shanghai) | rescheduled to uid ALB9Us1FP1xxNFJZhR2T41
      uid ALB9Us1FP1xxNFJZhR2T41 | accepted | 2026-11-30T10:00:00Z–10:30:00Z (Mon 2026-11-30 11:00+01:00–11:30 Europe/Berlin) | "30 min meeting between Ada Lovelace and Tu Youyou" | event_type_id 3002 | with "Tu Youyou" <tu@example.com> (18:00+08:00–18:30 Asia/Shanghai) | rescheduled from uid S3RIoiUHIESpoHfgNxP971"
    `);
    expect(result.structured).toMatchSnapshot();
  });

  it.each([
    [
      'confirmed',
      'upcoming,past',
      ['accepted'],
      ['jHQDm1O9sYSp75q4z5HC1S', 'mAg88Rlsa9ceIZPJeEYvRL', 'ALB9Us1FP1xxNFJZhR2T41'],
    ],
    ['tentative', 'unconfirmed', ['pending'], ['CakxSMohvLscv9OuJUZPJt']],
    ['cancelled', 'cancelled', ['cancelled', 'rejected'], ['2f6rKp6I8KYHYUofgEy0QK', 'S3RIoiUHIESpoHfgNxP971']],
  ] as const)('maps status %s to the Cal.com filter %s', async (status, filter, statuses, uids) => {
    const result = expectOk(await runTool(listBookings, { status, limit: 100 }, createTestContext()));
    expect(requestsSeen()[0]?.query).toEqual({ take: '100', skip: '0', status: filter });
    const bookings = result.structured.bookings as { uid: string; status: string }[];
    // The seeded bookings of that status (see the default listing above), and nothing else.
    expect(bookings.map((booking) => booking.uid)).toEqual(uids);
    for (const booking of bookings) expect(statuses).toContain(booking.status);
  });

  it('passes the date range and paging', async () => {
    expectOk(
      await runTool(
        listBookings,
        { limit: 5, skip: 5, start_date: '2026-11-26', end_date: '2026-11-30T23:00:00Z' },
        createTestContext(),
      ),
    );
    expect(requestsSeen()[0]?.query).toEqual({
      take: '5',
      skip: '5',
      afterStart: '2026-11-26T00:00:00.000Z',
      beforeEnd: '2026-11-30T23:00:00.000Z',
    });
  });

  it.each([
    [
      { limit: 101 },
      {
        field: 'limit',
        message: 'expected a whole number from 1 to 100, got 101. Use at most 100 and page with skip to see more.',
      },
    ],
    [
      { skip: -1 },
      { field: 'skip', message: 'expected a whole number of 0 or more, got -1. Use 0 or a larger whole number.' },
    ],
    [
      { status: 'accepted' },
      { field: 'status', message: 'must be one of confirmed, tentative or cancelled (leave it out for all)' },
    ],
    [
      { start_date: '2026-11-30', end_date: '2026-11-01' },
      {
        field: 'end_date',
        message:
          '2026-11-01 is not after the start 2026-11-30. Pass an end later than the start (swap them or fix the date).',
      },
    ],
  ])('refuses %j without a request', async (input, issue) => {
    const result = expectFailure(await runTool(listBookings, input, createTestContext()));
    expect(result.error.issues).toEqual([issue]);
    expect(simulator().requests).toEqual([]);
  });

  it('keeps 100 bookings under a third of the raw Cal.com JSON, with every field an agent needs', async () => {
    useSimulator({ now: () => new Date(NOW), seed: { bookings: 100 } });
    const raw = await simulator().handle(
      new Request(`${TEST_BASE_URL}/bookings?take=100&skip=0`, {
        headers: { authorization: `Bearer ${TEST_API_KEY}`, 'cal-api-version': '2024-08-13' },
      }),
    );
    if (!(raw instanceof Response)) expect.fail('the simulator did not answer');
    const rawJson = await raw.text();
    const rawBookings = (
      JSON.parse(rawJson) as { data: { uid: string; start: string; status: string; attendees: { email: string }[] }[] }
    ).data;
    expect(rawBookings).toHaveLength(100);

    const result = expectOk(await runTool(listBookings, { limit: 100 }, createTestContext()));
    const lines = result.text.split('\n').slice(1);
    expect(lines).toHaveLength(100);
    expect(result.text.length).toBeLessThanOrEqual(rawJson.length / 3);
    for (const [index, booking] of rawBookings.entries()) {
      const line = lines[index] ?? '';
      expect(line).toContain(`uid ${booking.uid} | ${booking.status} | ${booking.start.replace('.000Z', 'Z')}`);
      for (const attendee of booking.attendees) expect(line).toContain(attendee.email);
      expect(line).toMatch(/\(\w{3} \d{4}-\d{2}-\d{2} \d{2}:\d{2}[+-]\d{2}:\d{2}–/);
      expect(line).toMatch(/event_type_id \d+/);
    }
  });
});
