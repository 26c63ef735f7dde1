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
import { bookRoundRobin } from '../../../test/tool-inputs';
import { createMcpServer } from '../../adapters/mcp/create-mcp-server';
import { runTool } from '../../run-tool';
import { reassignBooking } from './reassign-booking';

/** The round-robin booking bookRoundRobin made (Ada was free and is first by the simulator's rule). */
async function roundRobinUid(): Promise<string> {
  await bookRoundRobin(simulator());
  const booking = simulator().state.bookings.find((candidate) => candidate.eventTypeId === 4001);
  if (booking === undefined) throw new Error('no round-robin booking');
  return booking.uid;
}

describe('reassign_booking', () => {
  beforeEach(() => useFixedSimulator());

  it('lets Cal.com pick the new host, then moves it to a chosen host', async () => {
    const uid = await roundRobinUid();
    const picked = expectOk(await runTool(reassignBooking, { booking_id: uid }, createTestContext()));
    expect(picked.text).toBe(`Reassigned booking uid ${uid} to Charles Babbage <charles@example.com> (user_id 1002).`);
    expect(picked.structured).toEqual({
      bookingUid: uid,
      reassignedTo: { id: 1002, name: 'Charles Babbage', email: 'charles@example.com' },
      verifiedByReadBack: false,
    });
    const chosen = expectOk(await runTool(reassignBooking, { booking_id: uid, user_id: 1001 }, createTestContext()));
    expect(chosen.text).toBe(`Reassigned booking uid ${uid} to Ada Lovelace <ada@example.com> (user_id 1001).`);
    expect(
      simulator()
        .state.bookings.find((booking) => booking.uid === uid)
        ?.hosts.map((host) => host.id),
    ).toEqual([1001]);
  });

  it('says when the answer was lost and the booking shows the new host', async () => {
    const uid = await roundRobinUid();
    simulator().faults.add({
      method: 'POST',
      path: `/v2/bookings/${uid}/reassign`,
      times: 1,
      fault: { type: 'commit-then-fail', outcome: 'server-error' },
    });
    const result = expectOk(await runTool(reassignBooking, { booking_id: uid }, createTestContext()));
    expect(result.text).toBe(
      `Reassigned booking uid ${uid} to Charles Babbage <charles@example.com> (user_id 1002). Cal.com's answer was lost, so the booking was read back: it shows the new host. Do not reassign it again.`,
    );
  });

  it('passes on the refusal of a booking that is not round-robin, and refuses a bad user_id before sending', async () => {
    const personal = simulator().state.bookings.find((booking) => booking.eventTypeId === 3002)?.uid ?? '';
    const refused = expectFailure(await runTool(reassignBooking, { booking_id: personal }, createTestContext()));
    expect(refused.text).toContain(
      `Booking with uid=${personal} is not a round-robin booking; only bookings of round-robin team event types can be reassigned.`,
    );
    const bad = expectFailure(
      await runTool(reassignBooking, { booking_id: personal, user_id: 0 }, createTestContext()),
    );
    expect(bad.error.kind).toBe('invalid_input');
    expect(bad.text).toContain('user_id');
    expect(requestsSeen().filter((request) => request.path.includes('/reassign'))).toHaveLength(1);
  });

  it('works through a real MCP client, as a write that needs approval', async () => {
    expect(reassignBooking.needsApproval).toBe(true);
    const uid = await roundRobinUid();
    const client: Client = await connectClient(
      createMcpServer({ client: createTestClient(), structuredContent: true }),
    );
    try {
      const called = (await client.callTool({ name: 'reassign_booking', arguments: { booking_id: uid } })) as {
        content: { text: string }[];
        structuredContent?: unknown;
        isError?: boolean;
      };
      expect(called.isError).toBeUndefined();
      expect(called.content[0]?.text).toBe(
        `Reassigned booking uid ${uid} to Charles Babbage <charles@example.com> (user_id 1002).`,
      );
      expect(called.structuredContent).toMatchObject({ reassignedTo: { id: 1002 } });
    } finally {
      await client.close();
    }
  });
});
