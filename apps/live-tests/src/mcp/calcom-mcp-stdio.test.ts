import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventType } from '@calcom-int/core';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attendeeEmail,
  createTestEventType,
  DAY,
  epoch,
  eventTypeSlugPrefix,
  MINUTE,
} from '../support/booking-helpers';
import { calcomMcpBinPath } from '../support/calcom-mcp-bin';
import { ResourceTracker } from '../support/resource-tracker';
import { type LiveTarget, selectTarget } from '../support/target';
import { timed } from '../support/timings';

interface ToolCallOutcome {
  isError: boolean;
  text: string;
  structured: Record<string, unknown>;
}

const EXPECTED_TOOLS = [
  'cancel_booking',
  'confirm_booking',
  'create_booking',
  'decline_booking',
  'get_booking',
  'get_event_type',
  'get_team',
  'get_user_profile',
  'list_availability',
  'list_bookings',
  'list_event_types',
  'list_teams',
  'reschedule_booking',
  'update_user_timezone',
];

/** This file's label in slugs and attendee emails. */
const LABEL = 'mcp';

describe('the built calcom-mcp bin over stdio', { tags: ['integration'] }, () => {
  let target: LiveTarget;
  let tracker: ResourceTracker;
  let eventType: EventType;
  let mcp: Client;
  let transport: StdioClientTransport;
  let workDirectory: string;
  let stderr = '';

  const call = async (name: string, input: Record<string, unknown>): Promise<ToolCallOutcome> => {
    const result = await timed(`mcp ${name}`, () => mcp.callTool({ name, arguments: input }));
    const content = Array.isArray(result.content) ? result.content : [];
    const text = content
      .map((block: { type?: string; text?: string }) => (block.type === 'text' ? (block.text ?? '') : ''))
      .join('\n');
    const structured = (result.structuredContent ?? {}) as Record<string, unknown>;
    return { isError: result.isError === true, text, structured };
  };

  beforeAll(async () => {
    target = await selectTarget();
    tracker = new ResourceTracker(target.client, eventTypeSlugPrefix(LABEL));
    eventType = await createTestEventType(target.client, tracker, LABEL);
    workDirectory = mkdtempSync(join(tmpdir(), 'calcom-mcp-'));
    transport = new StdioClientTransport({
      command: process.execPath,
      args: [calcomMcpBinPath()],
      cwd: workDirectory,
      env: {
        PATH: process.env.PATH ?? '',
        CAL_COM_API_KEY: target.apiKey,
        CAL_COM_BASE_URL: target.baseUrl,
      },
      stderr: 'pipe',
    });
    transport.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    mcp = new Client({ name: 'calcom-int-live-tests', version: '0.0.0' });
    await mcp.connect(transport);
  });

  afterAll(async () => {
    await mcp?.close();
    const problems = tracker === undefined ? [] : await tracker.cleanup();
    const left = tracker === undefined ? [] : await tracker.verifyClean();
    await target?.close();
    if (workDirectory !== undefined) rmSync(workDirectory, { recursive: true, force: true });
    expect(problems).toEqual([]);
    expect(left).toEqual([]);
    expect(stderr).not.toContain(target.apiKey);
  });

  it('lists every tool with an object input schema and all four annotations', async () => {
    const { tools } = await mcp.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(EXPECTED_TOOLS);
    for (const tool of tools) {
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.description?.length ?? 0).toBeGreaterThan(20);
      expect(tool.annotations).toEqual(
        expect.objectContaining({
          readOnlyHint: expect.any(Boolean),
          destructiveHint: expect.any(Boolean),
          idempotentHint: expect.any(Boolean),
          openWorldHint: expect.any(Boolean),
        }),
      );
    }
    const byName = new Map(tools.map((tool) => [tool.name, tool]));
    expect(byName.get('cancel_booking')?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
    expect(byName.get('list_bookings')?.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
  });

  it('runs profile → event types → availability → book → reschedule → cancel', async () => {
    const me = await target.client.getUser();

    const profile = await call('get_user_profile', {});
    expect(profile.isError).toBe(false);
    expect(profile.structured.user).toMatchObject({ id: me.id, email: me.email, timeZone: me.timeZone });

    const eventTypes = await call('list_event_types', {});
    expect(eventTypes.isError).toBe(false);
    expect(eventTypes.structured.eventTypes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: eventType.id, slug: eventType.slug, lengthInMinutes: 30 }),
      ]),
    );

    const from = new Date(target.now().getTime() + DAY).toISOString();
    const to = new Date(target.now().getTime() + 8 * DAY).toISOString();
    const availability = await call('list_availability', {
      event_type_id: eventType.id,
      start_date: from,
      end_date: to,
      time_zone: 'UTC',
    });
    expect(availability.isError).toBe(false);
    const slots = availability.structured.slots as Array<{ start: string; end: string }>;
    expect(slots.length).toBeGreaterThan(2);
    const [first, , third] = slots;
    if (first === undefined || third === undefined) throw new Error('not enough slots');
    expect(epoch(first.end) - epoch(first.start)).toBe(30 * MINUTE);

    const created = await call('create_booking', {
      event_type_id: eventType.id,
      start_time: first.start,
      end_time: first.end,
      attendee_name: 'MCP Attendee',
      attendee_email: attendeeEmail('mcp'),
      attendee_timezone: 'Europe/Rome',
      notes: 'booked over stdio',
    });
    expect(created.isError).toBe(false);
    const booking = created.structured.booking as { uid: string; status: string; start: string; notes?: string };
    tracker.booking(booking.uid);
    expect(booking.status).toBe('accepted');
    expect(epoch(booking.start)).toBe(epoch(first.start));
    expect(booking.notes).toBe('booked over stdio');
    expect(created.text).toContain(booking.uid);
    expect(created.text).toContain('| notes: "booked over stdio"');
    const stored = await target.client.getBooking(booking.uid);
    expect(stored.attendees.map((attendee) => attendee.email)).toEqual([attendeeEmail('mcp')]);
    expect(stored.notes).toBe('booked over stdio');

    const moved = await call('reschedule_booking', {
      booking_id: booking.uid,
      new_start_time: third.start,
      new_end_time: third.end,
    });
    expect(moved.isError).toBe(false);
    const newBooking = moved.structured.booking as { uid: string; start: string; rescheduledFromUid?: string };
    tracker.booking(newBooking.uid);
    expect(moved.structured.previousUid).toBe(booking.uid);
    expect(newBooking.uid).not.toBe(booking.uid);
    expect(epoch(newBooking.start)).toBe(epoch(third.start));
    expect((await target.client.getBooking(booking.uid)).rescheduledToUid).toBe(newBooking.uid);

    const cancelled = await call('cancel_booking', {
      booking_id: newBooking.uid,
      cancellation_reason: 'stdio flow finished',
    });
    expect(cancelled.isError).toBe(false);
    expect(cancelled.structured).toMatchObject({
      uid: newBooking.uid,
      status: 'cancelled',
      reason: 'stdio flow finished',
      alreadyCancelled: false,
    });
    expect(await target.client.getBooking(newBooking.uid)).toMatchObject({
      status: 'cancelled',
      cancellationReason: 'stdio flow finished',
    });
  });

  it('answers invalid input with an isError result naming the field', async () => {
    const result = await call('create_booking', {
      event_type_id: eventType.id,
      start_time: 'tomorrow at nine',
      end_time: 'tomorrow at half past nine',
    });
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(/start_time/);
  });
});
