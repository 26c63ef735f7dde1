import { simulator } from '@calcom-int/testkit/vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { connectClient } from '../../../test/mcp-client';
import {
  createTestClient,
  createTestContext,
  expectFailure,
  expectOk,
  requestsSeen,
  useFixedSimulator,
} from '../../../test/support';
import { createMcpServer } from '../../adapters/mcp/create-mcp-server';
import { runTool } from '../../run-tool';
import { listBookings } from './list-bookings';

const starts = (structured: unknown) =>
  (structured as { bookings: { uid: string; start: string }[] }).bookings.map((booking) => booking.start);

describe('list_bookings filters: attendee, event type, team and sort', () => {
  beforeEach(() => useFixedSimulator());

  it('sends each filter under its Cal.com name', async () => {
    expectOk(
      await runTool(
        listBookings,
        {
          attendee_email: 'grace@example.com',
          attendee_name: 'Grace',
          event_type_id: 3002,
          team_id: 5001,
          sort: 'created_desc',
        },
        createTestContext(),
      ),
    );
    expect(requestsSeen()[0]?.query).toEqual({
      take: '10',
      skip: '0',
      attendeeEmail: 'grace@example.com',
      attendeeName: 'Grace',
      eventTypeId: '3002',
      teamId: '5001',
      sortCreated: 'desc',
    });
  });

  it('returns the latest start first with start_desc and the earliest with start_asc', async () => {
    const desc = starts(expectOk(await runTool(listBookings, { sort: 'start_desc' }, createTestContext())).structured);
    const asc = starts(expectOk(await runTool(listBookings, { sort: 'start_asc' }, createTestContext())).structured);
    expect(desc).toEqual([...asc].reverse());
    expect(desc[0]).toBe('2026-11-30T10:00:00.000Z');
    expect(requestsSeen().map((request) => request.query.sortStart)).toEqual(['desc', 'asc']);
  });

  it('keeps only the named attendee, the event type and the team asked for', async () => {
    const named = expectOk(await runTool(listBookings, { attendee_name: 'Youyou' }, createTestContext()));
    expect(named.text.split('\n')[0]).toBe('2 bookings (skip 0, 2 in total). No more pages.');
    const ofType = expectOk(await runTool(listBookings, { event_type_id: 3001 }, createTestContext()));
    expect(ofType.text.split('\n')[0]).toBe('1 booking (skip 0, 1 in total). No more pages.');
    const team = await createTestContext().client.bookings.create({
      eventTypeId: 4001,
      start: '2026-11-27T08:45:00Z',
      attendee: { name: 'Bo Chen', email: 'bo@example.com', timeZone: 'Asia/Tokyo' },
    });
    const ofTeam = expectOk(await runTool(listBookings, { team_id: 5001 }, createTestContext()));
    expect(starts(ofTeam.structured)).toEqual([team.booking.start]);
    const teamTypes = new Set(simulator().state.teamEventTypes.map((eventType) => eventType.id));
    const teamBookings = simulator().state.bookings.filter((booking) => teamTypes.has(booking.eventTypeId));
    expect(teamBookings.length).toBeGreaterThan(0);
    expect((ofTeam.structured as { bookings: unknown[] }).bookings).toHaveLength(teamBookings.length);
    expect(
      (ofTeam.structured as { bookings: { eventTypeId: number }[] }).bookings.every((booking) =>
        teamTypes.has(booking.eventTypeId),
      ),
    ).toBe(true);
  });

  it('works through a real MCP client, read-only', async () => {
    const client: Client = await connectClient(
      createMcpServer({ client: createTestClient(), structuredContent: true }),
    );
    try {
      const called = (await client.callTool({
        name: 'list_bookings',
        arguments: { attendee_email: 'tu@example.com', sort: 'start_asc' },
      })) as { content: { text: string }[]; isError?: boolean };
      expect(called.isError).toBeUndefined();
      expect(called.content[0]?.text.split('\n')[0]).toBe('2 bookings (skip 0, 2 in total). No more pages.');
      expect(requestsSeen()[0]?.query).toMatchObject({ attendeeEmail: 'tu@example.com', sortStart: 'asc' });
    } finally {
      await client.close();
    }
  });

  it.each([
    [{ sort: 'newest' }, 'sort', 'must be one of start_asc, start_desc, created_asc, created_desc'],
    [{ attendee_email: 'grace' }, 'attendee_email', 'grace'],
    [{ attendee_name: ' ' }, 'attendee_name', 'is empty or blank'],
    [{ team_id: 0 }, 'team_id', 'expected a positive whole number'],
    [{ event_type_id: 1.5 }, 'event_type_id', 'expected a positive whole number'],
  ])('refuses %j naming its field', async (input, field, message) => {
    const result = expectFailure(await runTool(listBookings, input, createTestContext()));
    const issues = 'issues' in result.error ? (result.error.issues as { field: string; message: string }[]) : [];
    expect(issues[0]?.field).toBe(field);
    expect(issues[0]?.message).toContain(message);
    expect(simulator().requests).toEqual([]);
  });
});
