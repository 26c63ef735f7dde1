import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, expectFailure, expectOk, requestsSeen, useFixedSimulator } from '../../../test/support';
import { runTool } from '../../run-tool';
import { createBooking } from './create-booking';

// Thursday 2026-11-26: Ada (Berlin, UTC+1) and Charles (New York, UTC−5) are both free from 14:30Z to 16:00Z.
const DETAILS = {
  start_time: '2026-11-26T14:30:00Z',
  end_time: '2026-11-26T15:00:00Z',
  attendee_name: 'Grace Hopper',
  attendee_email: 'grace@example.com',
  attendee_timezone: 'America/New_York',
} as const;

describe('create_booking by slug and for teams', () => {
  beforeEach(() => useFixedSimulator());

  it('books a team event type by event_type_slug + team_slug and says who Cal.com assigned', async () => {
    const result = expectOk(
      await runTool(
        createBooking,
        { event_type_slug: 'team-sync', team_slug: 'analytical-engines', ...DETAILS },
        createTestContext(),
      ),
    );
    expect(result.text.split('\n')[2]).toBe(
      'Hosts (assigned by Cal.com): Ada Lovelace <ada@example.com>, Charles Babbage <charles@example.com>.',
    );
    expect(result.structured).toMatchObject({
      booking: { eventTypeId: 4002, hosts: [{ name: 'Ada Lovelace' }, { name: 'Charles Babbage' }] },
    });
    expect(requestsSeen().at(-1)).toMatchObject({
      method: 'POST',
      path: '/v2/bookings',
      body: { eventTypeSlug: 'team-sync', teamSlug: 'analytical-engines' },
    });
  });

  it("books a user's event type by event_type_slug + username", async () => {
    const result = expectOk(
      await runTool(
        createBooking,
        { event_type_slug: 'thirty-minutes', username: 'ada-lovelace', ...DETAILS },
        createTestContext(),
      ),
    );
    expect(result.structured).toMatchObject({ booking: { eventTypeId: 3002 } });
    expect(result.text).not.toContain('assigned by Cal.com');
  });

  it.each([
    [{}, 'event_type_id', 'missing: give event_type_id, or event_type_slug with username or team_slug'],
    [{ event_type_id: 3002, team_slug: 'x' }, 'team_slug', 'drop it or event_type_id'],
    [{ event_type_slug: 'team-sync' }, 'event_type_slug', 'add username (a user’s event type) or team_slug (a team’s)'],
    [{ username: 'ada-lovelace' }, 'username', 'missing: give event_type_id'],
    [{ event_type_slug: 'a', username: 'b', team_slug: 'c' }, 'team_slug', 'give username'],
    [{ event_type_slug: 'in tro', team_slug: 'analytical-engines' }, 'event_type_slug', 'expected a slug'],
  ])('refuses %j naming the field, without a request', async (reference, field, message) => {
    const result = expectFailure(await runTool(createBooking, { ...reference, ...DETAILS }, createTestContext()));
    expect(result.error.kind).toBe('invalid_input');
    expect(result.text).toContain(field);
    expect(result.text).toContain(message);
    expect(requestsSeen()).toEqual([]);
  });

  it('names team_slug when none of your teams has it, and books nothing', async () => {
    const result = expectFailure(
      await runTool(
        createBooking,
        { event_type_slug: 'team-sync', team_slug: 'difference-engines', ...DETAILS },
        createTestContext(),
      ),
    );
    expect(result.text).toContain('team_slug');
    expect(result.text).toContain('none of your teams has the slug "difference-engines"');
    expect(requestsSeen().filter((request) => request.method === 'POST')).toEqual([]);
  });
});
