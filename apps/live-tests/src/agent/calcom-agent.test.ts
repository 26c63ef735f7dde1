import type { EventType, Slot } from '@calcom-int/core';
import {
  type CalComApprovalRequest,
  calComAllowedTools,
  createCalComCanUseTool,
  createCalComMcpServer,
} from '@calcom-int/tools/claude-agent-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attendeeEmail,
  createTestEventType,
  DAY,
  epoch,
  eventTypeSlugPrefix,
  upcomingSlots,
} from '../support/booking-helpers';
import { ResourceTracker } from '../support/resource-tracker';
import { type LiveTarget, selectTarget } from '../support/target';
import { timed } from '../support/timings';
import { runAgent } from './run-agent';
import { type ScriptedMessagesApi, startScriptedMessagesApi } from './scripted-messages-api';

/** This file's label in slugs and attendee emails. */
const LABEL = 'agent';

describe('a Claude Agent SDK booking conversation with our tools', { tags: ['integration'] }, () => {
  let target: LiveTarget;
  let tracker: ResourceTracker;
  let eventType: EventType;
  let slots: Slot[];
  let api: ScriptedMessagesApi | undefined;

  beforeAll(async () => {
    target = await selectTarget();
    tracker = new ResourceTracker(target.client, eventTypeSlugPrefix(LABEL));
    eventType = await createTestEventType(target.client, tracker, LABEL);
    slots = await upcomingSlots(target, eventType.id, 4);
  });

  afterAll(async () => {
    await api?.close();
    const problems = tracker === undefined ? [] : await tracker.cleanup();
    const left = tracker === undefined ? [] : await tracker.verifyClean();
    await target?.close();
    expect(problems).toEqual([]);
    expect(left).toEqual([]);
  });

  it('reads without asking, books, rejects invalid input as is_error and asks before cancelling', async () => {
    const [keep, drop] = slots;
    if (keep === undefined || drop === undefined) throw new Error('not enough slots');
    const keepEmail = attendeeEmail('agent-keep');
    const dropEmail = attendeeEmail('agent-drop');
    const uidOf = async (email: string) => {
      const page = await target.client.listBookings({ attendeeEmail: email });
      const uid = page.items[0]?.uid;
      if (uid === undefined) throw new Error(`No booking for ${email}`);
      return tracker.booking(uid);
    };
    const from = new Date(target.now().getTime() + DAY).toISOString();
    const to = new Date(target.now().getTime() + 8 * DAY).toISOString();

    api = await startScriptedMessagesApi({
      steps: [
        () => [
          { type: 'text', text: 'Let me look at your profile and event types.' },
          { type: 'tool_use', name: 'mcp__calcom__get_user_profile', input: {} },
          { type: 'tool_use', name: 'mcp__calcom__list_event_types', input: {} },
        ],
        () => [
          {
            type: 'tool_use',
            name: 'mcp__calcom__list_availability',
            input: { event_type_id: eventType.id, start_date: from, end_date: to, time_zone: 'UTC' },
          },
        ],
        () => [
          {
            type: 'tool_use',
            name: 'mcp__calcom__create_booking',
            input: { event_type_id: eventType.id, start_time: 'next monday 9am', end_time: 'next monday 9:30am' },
          },
        ],
        () => [
          {
            type: 'tool_use',
            name: 'mcp__calcom__create_booking',
            input: {
              event_type_id: eventType.id,
              start_time: keep.start,
              end_time: keep.end,
              attendee_name: 'Agent Keep',
              attendee_email: keepEmail,
              attendee_timezone: 'America/Chicago',
            },
          },
          {
            type: 'tool_use',
            name: 'mcp__calcom__create_booking',
            input: {
              event_type_id: eventType.id,
              start_time: drop.start,
              end_time: drop.end,
              attendee_name: 'Agent Drop',
              attendee_email: dropEmail,
              attendee_timezone: 'UTC',
            },
          },
        ],
        async () => [
          {
            type: 'tool_use',
            name: 'mcp__calcom__cancel_booking',
            input: { booking_id: await uidOf(dropEmail), cancellation_reason: 'Booked twice by mistake' },
          },
        ],
        () => [{ type: 'text', text: 'You are booked; the duplicate is cancelled.' }],
      ],
    });

    const permissionCalls: string[] = [];
    const approvals: CalComApprovalRequest[] = [];
    const calcomCanUseTool = createCalComCanUseTool({
      approve: (request) => {
        approvals.push(request);
        return true;
      },
    });
    const server = createCalComMcpServer({ client: target.client });

    const run = await timed('agent conversation (6 turns)', () =>
      runAgent({
        prompt: 'Book me a 30 minute slot next week and clean up any duplicate.',
        anthropicBaseUrl: api?.url ?? '',
        server,
        allowedTools: [...calComAllowedTools(), 'mcp__calcom__create_booking', 'mcp__calcom__cancel_booking'],
        canUseTool: (toolName, input, options) => {
          permissionCalls.push(toolName);
          return calcomCanUseTool(toolName, input, options);
        },
      }),
    );

    expect(api.errors).toEqual([]);
    expect(server.tools).toEqual(expect.arrayContaining([{ name: 'cancel_booking', permission_policy: 'always_ask' }]));
    // Reads and create_booking are pre-approved; cancel_booking asks despite allowedTools (permission_policy).
    expect(permissionCalls).toEqual(['mcp__calcom__cancel_booking']);
    expect(approvals.map((request) => [request.toolName, request.input.cancellation_reason])).toEqual([
      ['cancel_booking', 'Booked twice by mistake'],
    ]);

    const turns = api.toolResultsByTurn.map((turn) => turn.map(({ toolName, isError }) => ({ toolName, isError })));
    expect(turns).toEqual([
      [
        { toolName: 'mcp__calcom__get_user_profile', isError: false },
        { toolName: 'mcp__calcom__list_event_types', isError: false },
      ],
      [{ toolName: 'mcp__calcom__list_availability', isError: false }],
      [{ toolName: 'mcp__calcom__create_booking', isError: true }],
      [
        { toolName: 'mcp__calcom__create_booking', isError: false },
        { toolName: 'mcp__calcom__create_booking', isError: false },
      ],
      [{ toolName: 'mcp__calcom__cancel_booking', isError: false }],
    ]);
    const me = await target.client.getUser();
    expect(api.toolResultsByTurn[0]?.[0]?.text).toContain(me.email);
    expect(api.toolResultsByTurn[0]?.[1]?.text).toContain(eventType.slug);
    expect(api.toolResultsByTurn[2]?.[0]?.text).toMatch(/start_time/);

    const kept = await target.client.getBooking(await uidOf(keepEmail));
    expect(kept).toMatchObject({ status: 'accepted', eventTypeId: eventType.id });
    expect(epoch(kept.start)).toBe(epoch(keep.start));
    expect(kept.attendees[0]).toMatchObject({ email: keepEmail, timeZone: 'America/Chicago' });
    const dropped = await target.client.getBooking(await uidOf(dropEmail));
    expect(dropped).toMatchObject({ status: 'cancelled', cancellationReason: 'Booked twice by mistake' });
    if (target.simulator !== undefined) {
      expect(target.simulator.state.bookings.find((booking) => booking.uid === kept.uid)?.status).toBe('accepted');
    }
    expect(run.messages.at(-1)).toMatchObject({ type: 'result', subtype: 'success' });
  });
});
