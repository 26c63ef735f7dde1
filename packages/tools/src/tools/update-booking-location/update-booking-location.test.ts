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
import { updateBookingLocation } from './update-booking-location';

const upcoming = () =>
  simulator().state.bookings.find((b) => b.status === 'accepted' && b.eventTypeId === 3002)?.uid ?? '';

describe('update_booking_location', () => {
  beforeEach(() => useFixedSimulator());

  it.each([
    [
      'link',
      'https://meet.example.com/abc',
      { type: 'link', link: 'https://meet.example.com/abc' },
      '"https://meet.example.com/abc"',
    ],
    ['address', 'Via Roma 1', { type: 'address', address: 'Via Roma 1' }, '"Via Roma 1"'],
    ['attendeeAddress', 'Their home', { type: 'attendeeAddress', address: 'Their home' }, '"Their home"'],
    ['phone', '+393331234567', { type: 'phone', phone: '+393331234567' }, '"+393331234567"'],
    ['attendeePhone', '+393331234567', { type: 'attendeePhone', phone: '+393331234567' }, '"+393331234567"'],
    ['attendeeDefined', 'Cafe', { type: 'attendeeDefined', location: 'Cafe' }, '"Cafe"'],
    ['integration', 'zoom', { type: 'integration', integration: 'zoom' }, '"integrations:zoom"'],
  ])('sets a %s location', async (type, value, sent, shown) => {
    const uid = upcoming();
    const result = expectOk(
      await runTool(updateBookingLocation, { booking_id: uid, type, value }, createTestContext()),
    );
    expect(result.text.split('\n')[0]).toBe(
      `Booking uid ${uid} now takes place at ${shown}. The calendar event keeps the old location.`,
    );
    expect(requestsSeen()).toEqual([
      { method: 'PATCH', path: `/v2/bookings/${uid}/location`, query: {}, body: { location: sent } },
    ]);
  });

  it('refuses a bad type before sending, and a bad value with the client error', async () => {
    const uid = upcoming();
    const bad = expectFailure(
      await runTool(updateBookingLocation, { booking_id: uid, type: 'url', value: 'x' }, createTestContext()),
    );
    expect(bad.error.kind).toBe('invalid_input');
    expect(bad.text).toContain('type');
    const link = expectFailure(
      await runTool(
        updateBookingLocation,
        { booking_id: uid, type: 'link', value: 'meet.example.com' },
        createTestContext(),
      ),
    );
    expect(link.text).toContain('location.link: "meet.example.com" is not an http(s) URL');
    expect(requestsSeen()).toEqual([]);
  });

  it('works through a real MCP client, as an idempotent write that needs approval', async () => {
    expect(updateBookingLocation.needsApproval).toBe(true);
    expect(updateBookingLocation.annotations).toMatchObject({ readOnlyHint: false, idempotentHint: true });
    const client: Client = await connectClient(
      createMcpServer({ client: createTestClient(), structuredContent: true }),
    );
    try {
      const uid = upcoming();
      const called = (await client.callTool({
        name: 'update_booking_location',
        arguments: { booking_id: uid, type: 'integration', value: 'cal-video' },
      })) as { content: { text: string }[]; isError?: boolean };
      expect(called.isError).toBeUndefined();
      expect(called.content[0]?.text.split('\n')[0]).toBe(
        `Booking uid ${uid} now takes place at "integrations:daily". The calendar event keeps the old location.`,
      );
    } finally {
      await client.close();
    }
  });
});
