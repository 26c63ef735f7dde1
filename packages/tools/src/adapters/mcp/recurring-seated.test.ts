import { simulator } from '@calcom-int/testkit/vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectClient } from '../../../test/mcp-client';
import { createTestClient, useFixedSimulator } from '../../../test/support';
import { createMcpServer } from './create-mcp-server';

// Recurring and seated bookings through a real MCP client: create_booking with recurrence_count, cancel_booking with
// cancel_following and seat_uid.
const ATTENDEE = { attendee_name: 'Ann Lee', attendee_email: 'ann@example.com', attendee_timezone: 'Europe/Rome' };

describe('recurring and seated bookings over MCP', () => {
  let client: Client;

  beforeEach(async () => {
    useFixedSimulator();
    client = await connectClient(createMcpServer({ client: createTestClient() }));
  });

  afterEach(async () => {
    await client.close();
  });

  const textOf = (response: Awaited<ReturnType<Client['callTool']>>) =>
    (response.content as { type: string; text: string }[])[0]?.text ?? '';

  it('books a series and cancels the later occurrences', async () => {
    const created = await client.callTool({
      name: 'create_booking',
      arguments: { event_type_id: 3005, start_time: '2026-12-02T10:00:00Z', recurrence_count: 3, ...ATTENDEE },
    });
    expect(created.isError).toBeUndefined();
    expect(textOf(created)).toContain('3 occurrences.');
    const uids = simulator()
      .state.bookings.filter((booking) => booking.eventTypeId === 3005)
      .map((booking) => booking.uid);
    const cancelled = await client.callTool({
      name: 'cancel_booking',
      arguments: { booking_id: uids[1], cancel_following: true },
    });
    expect(
      textOf(cancelled)
        .split('\n')
        .slice(2, 5)
        .map((line) => line.split(' | ')[1]),
    ).toEqual(['accepted', 'cancelled', 'cancelled']);
  });

  it('books a seat and cancels it by seat_uid', async () => {
    await client.callTool({
      name: 'create_booking',
      arguments: { event_type_id: 3006, start_time: '2026-12-03T10:00:00Z', ...ATTENDEE },
    });
    const booking = simulator().state.bookings.find((candidate) => candidate.eventTypeId === 3006);
    const seat = (booking?.attendees[0] as { seatUid?: string } | undefined)?.seatUid;
    const cancelled = await client.callTool({
      name: 'cancel_booking',
      arguments: { booking_id: booking?.uid, seat_uid: seat },
    });
    expect(textOf(cancelled).split('\n')[0]).toBe(`Cancelled seat ${seat} of booking uid ${booking?.uid}.`);
  });
});
