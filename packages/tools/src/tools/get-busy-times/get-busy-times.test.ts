import { success } from '@calcom-int/testkit/fixtures';
import { server } from '@calcom-int/testkit/vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { HttpResponse, http } from 'msw';
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
import { getBusyTimes } from './get-busy-times';

describe('get_busy_times', () => {
  beforeEach(() => useFixedSimulator());

  it("lists merged busy times of the checked and destination calendars, in UTC and the profile's zone", async () => {
    const result = expectOk(
      await runTool(getBusyTimes, { start_date: '2026-11-26', end_date: '2026-11-26' }, createTestContext()),
    );
    expect(result.text).toBe(
      [
        'Busy 3 times in 2026-11-26T00:00:00Z–2026-11-27T00:00:00Z (Thu 2026-11-26 01:00+01:00–Fri 2026-11-27 01:00 Europe/Berlin) (2 calendars: Google Calendar "ada@example.com" (bookings go here); Outlook Calendar "ada@work.example.com"):',
        '2026-11-26T09:00:00Z–09:30:00Z (Thu 2026-11-26 10:00+01:00–10:30 Europe/Berlin)',
        '2026-11-26T11:00:00Z–12:30:00Z (Thu 2026-11-26 12:00+01:00–13:30 Europe/Berlin)',
        '2026-11-26T15:00:00Z–16:00:00Z (Thu 2026-11-26 16:00+01:00–17:00 Europe/Berlin)',
      ].join('\n'),
    );
    expect(result.structured).toEqual({
      start: '2026-11-26T00:00:00Z',
      end: '2026-11-27T00:00:00Z',
      timeZone: 'Europe/Berlin',
      calendars: [
        { credentialId: 4001, externalId: 'ada@example.com', integration: 'google_calendar', destination: true },
        {
          credentialId: 4002,
          externalId: 'ada@work.example.com',
          integration: 'office365_calendar',
          destination: false,
        },
      ],
      busy: [
        { start: '2026-11-26T09:00:00Z', end: '2026-11-26T09:30:00Z' },
        { start: '2026-11-26T11:00:00Z', end: '2026-11-26T12:30:00Z' },
        { start: '2026-11-26T15:00:00Z', end: '2026-11-26T16:00:00Z' },
      ],
    });
    // The profile is read while the calendars are.
    expect(
      requestsSeen()
        .map((request) => request.path)
        .sort(),
    ).toEqual(['/v2/calendars', '/v2/calendars/busy-times', '/v2/me']);
  });

  it('says when the range is free, in the zone asked for, without reading the profile', async () => {
    const result = expectOk(
      await runTool(
        getBusyTimes,
        { start_date: '2026-11-26T17:00:00Z', end_date: '2026-11-26T20:00:00Z', time_zone: 'america/new_york' },
        createTestContext(),
      ),
    );
    expect(result.text).toBe(
      'Free throughout 2026-11-26T17:00:00Z–20:00:00Z (Thu 2026-11-26 12:00-05:00–15:00 America/New_York) (no busy time in 2 calendars: Google Calendar "ada@example.com" (bookings go here); Outlook Calendar "ada@work.example.com").',
    );
    expect(requestsSeen().map((request) => request.path)).toEqual(['/v2/calendars', '/v2/calendars/busy-times']);
  });

  it('says that nothing could be read when no calendar is connected', async () => {
    server.use(
      http.get('https://api.cal.com/v2/calendars', () =>
        HttpResponse.json(success({ connectedCalendars: [], destinationCalendar: null })),
      ),
    );
    const result = expectOk(
      await runTool(
        getBusyTimes,
        { start_date: '2026-11-26', end_date: '2026-11-27', time_zone: 'UTC' },
        createTestContext(),
      ),
    );
    expect(result.text).toBe(
      'No calendar is connected to Cal.com (or none is checked for conflicts), so no busy times could be read for 2026-11-26T00:00:00Z–2026-11-28T00:00:00Z (Thu 2026-11-26 00:00+00:00–Sat 2026-11-28 00:00 UTC). Your Cal.com bookings are listed by list_bookings.',
    );
    expect(result.structured).toMatchObject({ calendars: [], busy: [] });
  });

  it.each([
    [{ start_date: '2026-11-27', end_date: '2026-11-26' }, 'end_date'],
    [{ start_date: '2026-11-01', end_date: '2027-02-01' }, 'end_date'],
    [{ start_date: 'tomorrow', end_date: '2026-11-26' }, 'start_date'],
    [{ start_date: '2026-11-26', end_date: '2026-11-27', time_zone: 'EST' }, 'time_zone'],
    [{ start_date: '2026-11-26' }, 'end_date'],
  ])('refuses bad input naming the field (%j)', async (input, field) => {
    const result = expectFailure(await runTool(getBusyTimes, input, createTestContext()));
    expect(result.text).toContain(field);
    expect(requestsSeen()).toEqual([]);
  });

  it('works through a real MCP client, read-only and without approval', async () => {
    expect(getBusyTimes.needsApproval).toBe(false);
    expect(getBusyTimes.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    const client: Client = await connectClient(
      createMcpServer({ client: createTestClient(), structuredContent: true }),
    );
    try {
      const listed = await client.listTools();
      expect(listed.tools.find((tool) => tool.name === 'get_busy_times')?.annotations).toMatchObject({
        readOnlyHint: true,
      });
      const called = (await client.callTool({
        name: 'get_busy_times',
        arguments: { start_date: '2026-11-27', end_date: '2026-11-27', time_zone: 'Europe/Berlin' },
      })) as { content: { text: string }[]; isError?: boolean };
      expect(called.isError).toBeUndefined();
      expect(called.content[0]?.text.split('\n').slice(1)).toEqual([
        '2026-11-27T07:00:00Z–08:30:00Z (Fri 2026-11-27 08:00+01:00–09:30 Europe/Berlin)',
      ]);
    } finally {
      await client.close();
    }
  });
});
