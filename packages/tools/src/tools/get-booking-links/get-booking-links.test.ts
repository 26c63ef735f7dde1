import { simulator } from '@calcom-int/testkit/vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { connectClient } from '../../../test/mcp-client';
import { createTestClient, createTestContext, expectFailure, expectOk, useFixedSimulator } from '../../../test/support';
import { createMcpServer } from '../../adapters/mcp/create-mcp-server';
import { runTool } from '../../run-tool';
import { updateBookingLocation } from '../update-booking-location';
import { getBookingLinks } from './get-booking-links';

const upcoming = () =>
  simulator().state.bookings.find((b) => b.status === 'accepted' && b.eventTypeId === 3002)?.uid ?? '';

describe('get_booking_links', () => {
  beforeEach(() => useFixedSimulator());

  it('gives the meeting link and the add-to-calendar links', async () => {
    const uid = upcoming();
    const result = expectOk(await runTool(getBookingLinks, { booking_id: uid }, createTestContext()));
    const lines = result.text.split('\n');
    // The time in UTC and in the host's zone with its offset, like every other booking line.
    expect(lines[0]).toMatch(
      new RegExp(
        `^Booking uid ${uid} \\(accepted\\), \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:00Z–\\d\\d:\\d\\d:00Z \\(\\w{3} \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\+01:00–\\d\\d:\\d\\d Europe/Berlin\\):$`,
      ),
    );
    expect(lines[1]).toBe(`Join: "https://app.cal.com/video/${uid}"`);
    expect(lines.slice(2).map((line) => line.split(':')[0])).toEqual([
      'Add to Google Calendar',
      'Add to Microsoft Office',
      'Add to Microsoft Outlook',
      'An ICS file is in the structured result.',
    ]);
    expect(result.structured).toMatchObject({ uid, joinUrl: `https://app.cal.com/video/${uid}`, location: null });
    expect(
      (result.structured as { calendarLinks: { label: string }[] }).calendarLinks.map((link) => link.label),
    ).toEqual(['Google Calendar', 'Microsoft Office', 'Microsoft Outlook', 'ICS']);
  });

  it('gives an address as the location and a link location as the join link', async () => {
    const uid = upcoming();
    await runTool(
      updateBookingLocation,
      { booking_id: uid, type: 'address', value: 'Via Roma 1' },
      createTestContext(),
    );
    const address = expectOk(await runTool(getBookingLinks, { booking_id: uid }, createTestContext()));
    expect(address.text.split('\n').slice(1, 3)).toEqual([
      `Join: "https://app.cal.com/video/${uid}"`,
      'Location: "Via Roma 1"',
    ]);
    await runTool(
      updateBookingLocation,
      { booking_id: uid, type: 'link', value: 'https://meet.example.com/x' },
      createTestContext(),
    );
    const link = expectOk(await runTool(getBookingLinks, { booking_id: uid }, createTestContext()));
    expect(link.structured).toMatchObject({ joinUrl: 'https://meet.example.com/x', location: null });
  });

  it('reports an unknown booking', async () => {
    const result = expectFailure(await runTool(getBookingLinks, { booking_id: 'nope' }, createTestContext()));
    expect(result.error.kind).toBe('not_found');
  });

  it('works through a real MCP client, read-only and without approval', async () => {
    expect(getBookingLinks.needsApproval).toBe(false);
    const client: Client = await connectClient(
      createMcpServer({ client: createTestClient(), structuredContent: true }),
    );
    try {
      const uid = upcoming();
      const called = (await client.callTool({ name: 'get_booking_links', arguments: { booking_id: uid } })) as {
        content: { text: string }[];
        isError?: boolean;
      };
      expect(called.isError).toBeUndefined();
      expect(called.content[0]?.text.split('\n')[1]).toBe(`Join: "https://app.cal.com/video/${uid}"`);
    } finally {
      await client.close();
    }
  });
});
