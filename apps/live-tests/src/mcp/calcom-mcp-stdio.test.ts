import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventType } from '@calcom-int/core';
import { calComTools } from '@calcom-int/tools';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attendeeEmail,
  createTestEventType,
  epoch,
  eventTypeSlugPrefix,
  upcomingSlots,
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

/** Every tool the library defines: the bin serves them all when no `--tools` group is given. */
const EXPECTED_TOOLS = calComTools.map((tool) => tool.name).sort();

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

  it('runs profile → event types → availability → book → reschedule → cancel, reading only the text', async () => {
    // The server sends text only (the model reads it); Cal.com's state is checked with the client.
    const me = await target.client.me.get();

    const profile = await call('get_user_profile', {});
    expect(profile.isError).toBe(false);
    expect(profile.structured).toEqual({});
    expect(profile.text).toContain(`user_id ${me.id} |`);
    expect(profile.text).toContain(`time_zone ${me.timeZone} |`);
    expect(profile.text).toMatch(/^now \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z \| /m);

    const eventTypes = await call('list_event_types', {});
    expect(eventTypes.isError).toBe(false);
    expect(eventTypes.text).toContain(
      `event_type_id ${eventType.id} | "${eventType.title}" | slug ${eventType.slug} | 30 min`,
    );

    const [first, , third] = await upcomingSlots(target, eventType.id, 3);
    if (first === undefined || third === undefined) throw new Error('not enough slots');
    const availability = await call('list_availability', {
      event_type_id: eventType.id,
      start_date: first.start,
      end_date: third.start,
      time_zone: 'UTC',
    });
    expect(availability.isError).toBe(false);
    expect(availability.text).toContain(`for event_type_id ${eventType.id}, 30 min each`);
    for (const slot of [first, third]) expect(availability.text).toContain(slot.start.slice(11, 16));

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
    const uid = /^Booked uid (\S+) /.exec(created.text)?.[1];
    if (uid === undefined) throw new Error(`no uid in: ${created.text}`);
    tracker.booking(uid);
    expect(created.text).toContain('| notes "booked over stdio"');
    expect(created.text).toContain('"MCP Attendee"');
    const stored = await target.client.bookings.get(uid);
    expect(stored).toMatchObject({ status: 'accepted', notes: 'booked over stdio' });
    expect(epoch(stored.start)).toBe(epoch(first.start));
    expect(stored.attendees.map((attendee) => attendee.email)).toEqual([attendeeEmail('mcp')]);

    const moved = await call('reschedule_booking', {
      booking_id: uid,
      new_start_time: third.start,
      new_end_time: third.end,
    });
    expect(moved.isError).toBe(false);
    const newUid = /replaced by the new uid (\S+) /.exec(moved.text)?.[1];
    if (newUid === undefined) throw new Error(`no new uid in: ${moved.text}`);
    tracker.booking(newUid);
    expect(newUid).not.toBe(uid);
    expect(moved.text).toContain(`rescheduled from uid ${uid}`);
    expect(epoch((await target.client.bookings.get(newUid)).start)).toBe(epoch(third.start));
    expect((await target.client.bookings.get(uid)).rescheduledToUid).toBe(newUid);

    const cancelled = await call('cancel_booking', {
      booking_id: newUid,
      cancellation_reason: 'stdio flow finished',
    });
    expect(cancelled.isError).toBe(false);
    expect(cancelled.text).toContain(`Cancelled booking uid ${newUid}`);
    expect(cancelled.text).toContain('cancelled: "stdio flow finished"');
    expect(await target.client.bookings.get(newUid)).toMatchObject({
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
