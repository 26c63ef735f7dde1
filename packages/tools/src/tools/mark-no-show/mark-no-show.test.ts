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
import { getBooking } from '../get-booking';
import { markNoShow } from './mark-no-show';

const past = () => {
  const booking = simulator().state.bookings.find((b) => b.status === 'accepted' && b.end < '2026-11-25T08:00');
  if (booking === undefined) throw new Error('no past booking');
  return booking;
};

describe('mark_no_show', () => {
  beforeEach(() => useFixedSimulator());

  it('marks the host and an attendee; get_booking shows it; absent: false clears it', async () => {
    const booking = past();
    const email = booking.attendees[0]?.email ?? '';
    const result = expectOk(
      await runTool(markNoShow, { booking_id: booking.uid, no_shows: ['host', email] }, createTestContext()),
    );
    expect(result.text.split('\n')[0]).toBe(`Marked as no-show the host, ${email} on booking uid ${booking.uid}.`);
    expect(result.structured).toEqual({ absentHost: true, absentAttendees: [email], verifiedByReadBack: false });
    const shown = expectOk(await runTool(getBooking, { booking_id: booking.uid }, createTestContext()));
    expect(shown.text).toContain(`<${email}> (no-show)`);
    expect(shown.text).toContain('| host was a no-show');
    expect(shown.structured).toMatchObject({ booking: { absentHost: true, attendees: [{ absent: true }] } });
    const cleared = expectOk(
      await runTool(markNoShow, { booking_id: booking.uid, no_shows: ['host'], absent: false }, createTestContext()),
    );
    expect(cleared.text.split('\n')[0]).toBe(`Cleared the no-show of the host on booking uid ${booking.uid}.`);
    expect(cleared.structured).toMatchObject({ absentHost: false });
  });

  it('refuses an empty list before sending, and a booking that has not started with the client error', async () => {
    const empty = expectFailure(
      await runTool(markNoShow, { booking_id: past().uid, no_shows: [] }, createTestContext()),
    );
    expect(empty.error.kind).toBe('invalid_input');
    expect(empty.text).toContain('no_shows');
    const upcoming = simulator().state.bookings.find((b) => b.status === 'accepted' && b.start > '2026-11-25T08:00');
    const early = expectFailure(
      await runTool(markNoShow, { booking_id: upcoming?.uid, no_shows: ['host'] }, createTestContext()),
    );
    expect(early.text).toContain('has not started yet. Mark no-shows once the meeting has started.');
    expect(requestsSeen().filter((request) => request.method !== 'GET')).toEqual([]);
  });

  it('works through a real MCP client, as a write that needs approval', async () => {
    expect(markNoShow.needsApproval).toBe(true);
    const client: Client = await connectClient(
      createMcpServer({ client: createTestClient(), structuredContent: true }),
    );
    try {
      const { uid } = past();
      const called = (await client.callTool({
        name: 'mark_no_show',
        arguments: { booking_id: uid, no_shows: ['host'] },
      })) as {
        content: { text: string }[];
        isError?: boolean;
      };
      expect(called.isError).toBeUndefined();
      expect(called.content[0]?.text.split('\n')[0]).toBe(`Marked as no-show the host on booking uid ${uid}.`);
    } finally {
      await client.close();
    }
  });
});
