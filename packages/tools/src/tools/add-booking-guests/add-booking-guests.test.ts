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
import { addBookingGuests } from './add-booking-guests';

const upcoming = () => {
  const booking = simulator().state.bookings.find((b) => b.status === 'accepted' && b.eventTypeId === 3002);
  if (booking === undefined) throw new Error('no seeded booking');
  return booking;
};

describe('add_booking_guests', () => {
  beforeEach(() => useFixedSimulator());

  it('adds guests, who read back as attendees', async () => {
    const { uid } = upcoming();
    const result = expectOk(
      await runTool(
        addBookingGuests,
        {
          booking_id: uid,
          guests: [{ email: 'cy@example.com', name: 'Cy', time_zone: 'Europe/Rome' }, { email: 'di@example.com' }],
        },
        createTestContext(),
      ),
    );
    expect(result.text.split('\n')[0]).toBe(
      `Added 2 guests to booking uid ${uid}: cy@example.com, di@example.com; Cal.com emails them an invite.`,
    );
    expect(result.structured).toMatchObject({ added: ['cy@example.com', 'di@example.com'], verifiedByReadBack: false });
    expect(requestsSeen().map((request) => `${request.method} ${request.path}`)).toEqual([
      `GET /v2/bookings/${uid}`,
      `POST /v2/bookings/${uid}/guests`,
    ]);
    expect(requestsSeen()[1]?.body).toEqual({
      guests: [{ email: 'cy@example.com', name: 'Cy', timeZone: 'Europe/Rome' }, { email: 'di@example.com' }],
    });
  });

  it('says the guests were found after a lost answer', async () => {
    const { uid } = upcoming();
    simulator().faults.add({
      method: 'POST',
      path: `/v2/bookings/${uid}/guests`,
      times: 1,
      fault: { type: 'commit-then-fail', outcome: 'server-error' },
    });
    const result = expectOk(
      await runTool(addBookingGuests, { booking_id: uid, guests: [{ email: 'cy@example.com' }] }, createTestContext()),
    );
    expect(result.text.split('\n')[0]).toBe(
      `Added 1 guest to booking uid ${uid}: cy@example.com; Cal.com emails them an invite. Cal.com's answer was lost, so the booking was read back: the guests are attendees now. Do not add them again.`,
    );
  });

  it.each([
    [{ guests: [] }, 'guests'],
    [{ guests: Array.from({ length: 11 }, (_, index) => ({ email: `g${index}@example.com` })) }, 'split the list'],
    [{ guests: [{ email: 'nope' }] }, 'guests.0.email'],
    [{ guests: [{ email: 'cy@example.com', timezone: 'UTC' }] }, 'timezone'],
  ])('refuses %j before sending', async (input, expected) => {
    const result = expectFailure(
      await runTool(addBookingGuests, { booking_id: upcoming().uid, ...input }, createTestContext()),
    );
    expect(result.error.kind).toBe('invalid_input');
    expect(result.text).toContain(expected);
    expect(requestsSeen()).toEqual([]);
  });

  it('refuses a guest who already attends, naming the field, and sends no write', async () => {
    const booking = upcoming();
    const email = booking.attendees[0]?.email ?? '';
    const result = expectFailure(
      await runTool(addBookingGuests, { booking_id: booking.uid, guests: [{ email }] }, createTestContext()),
    );
    expect(result.text).toContain(
      `guests.0.email: ${email} is already an attendee of booking ${booking.uid}. Leave it out.`,
    );
    expect(requestsSeen().filter((request) => request.method !== 'GET')).toEqual([]);
  });

  it('works through a real MCP client, as a write that needs approval', async () => {
    expect(addBookingGuests.needsApproval).toBe(true);
    expect(addBookingGuests.annotations).toMatchObject({
      readOnlyHint: false,
      destructiveHint: false,
      idempotentHint: false,
    });
    const client: Client = await connectClient(
      createMcpServer({ client: createTestClient(), structuredContent: true }),
    );
    try {
      const { uid } = upcoming();
      const called = (await client.callTool({
        name: 'add_booking_guests',
        arguments: { booking_id: uid, guests: [{ email: 'cy@example.com' }] },
      })) as { content: { text: string }[]; isError?: boolean };
      expect(called.isError).toBeUndefined();
      expect(called.content[0]?.text.split('\n')[0]).toBe(
        `Added 1 guest to booking uid ${uid}: cy@example.com; Cal.com emails them an invite.`,
      );
    } finally {
      await client.close();
    }
  });
});
