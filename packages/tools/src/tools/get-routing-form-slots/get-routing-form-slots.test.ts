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
import { getRoutingFormSlots } from './get-routing-form-slots';

// The simulator's seeded routing form of the Analytical Engines team (docs/CALCOM-API.md §7.10). On Thursday
// 2026-11-26 Ada works 08:00–16:00Z and Charles 14:00–22:00Z.
const FORM = '9d3b6f1e-2c4a-4e8b-a1f0-7c5d2e9b4a61';
const DAY = { start_date: '2026-11-26', end_date: '2026-11-26' };
const CALCULATE = `/v2/routing-forms/${FORM}/calculate-slots`;

describe('get_routing_form_slots', () => {
  beforeEach(() => useFixedSimulator());

  it('routes the answers and lists the routed event type’s free starts like list_availability', async () => {
    const result = expectOk(
      await runTool(
        getRoutingFormSlots,
        { form_id: FORM, responses: { topic: 'Planning', 'company-size': 40 }, ...DAY, time_zone: 'Europe/Rome' },
        createTestContext(),
      ),
    );
    expect(result.text).toBe(
      [
        'Routed to event_type_id 4002.',
        "3 free starts for event_type_id 4002, 30 min each. Local times in Europe/Rome, each day with its UTC offset. Use a time with its day's date and offset, e.g. 2026-11-26T15:30:00+01:00 = 2026-11-26T14:30:00Z.",
        'Thu 2026-11-26 (UTC+01:00): 15:30 16:00 16:30',
      ].join('\n'),
    );
    expect(result.structured).toEqual({
      formId: FORM,
      timeZone: 'Europe/Rome',
      start: '2026-11-26T00:00:00Z',
      end: '2026-11-26T23:59:59Z',
      eventTypeId: 4002,
      total: 3,
      slots: [
        { start: '2026-11-26T14:30:00Z', end: '2026-11-26T15:00:00Z' },
        { start: '2026-11-26T15:00:00Z', end: '2026-11-26T15:30:00Z' },
        { start: '2026-11-26T15:30:00Z', end: '2026-11-26T16:00:00Z' },
      ],
      notListed: null,
    });
    // The zone was given, so the profile is not read; the answers go as strings.
    expect(requestsSeen()).toEqual([
      {
        method: 'POST',
        path: CALCULATE,
        query: {
          start: '2026-11-26T00:00:00.000Z',
          end: '2026-11-26T23:59:59.000Z',
          timeZone: 'Europe/Rome',
          format: 'range',
        },
        body: { topic: 'Planning', 'company-size': '40' },
      },
    ]);
  });

  it("falls back without answers, in the profile's zone, with the length asked for", async () => {
    const result = expectOk(
      await runTool(getRoutingFormSlots, { form_id: FORM, ...DAY, duration_minutes: 90 }, createTestContext()),
    );
    expect(result.text.split('\n').slice(0, 2)).toEqual([
      'Routed to event_type_id 4001.',
      expect.stringMatching(/^\d+ free starts for event_type_id 4001, 90 min each\. Local times in Europe\/Berlin,/),
    ]);
    expect(
      requestsSeen()
        .map((request) => `${request.method} ${request.path} ${request.query.duration ?? ''}`)
        .sort(),
    ).toEqual([`GET /v2/me `, `POST ${CALCULATE} 90`]);
  });

  it('says both readings of a 404 when the answers route to no event type', async () => {
    const result = expectOk(
      await runTool(
        getRoutingFormSlots,
        { form_id: FORM, responses: { topic: 'Something else' }, ...DAY, time_zone: 'UTC' },
        createTestContext(),
      ),
    );
    expect(result.text).toBe(
      `No event type for these answers (404: "Route to which the form response should be redirected not found."): form ${FORM} is unknown to this account, or its route for these answers shows a message, sends to an external page or names a removed event type. Check form_id and the field identifiers; if both are right, tell the user this form offers no booking for these answers.`,
    );
    expect(result.structured).toEqual({ formId: FORM, eventTypeId: null, slots: [] });
  });

  it("reports the simulator's refusal of an answer for no field of the form", async () => {
    const result = expectFailure(
      await runTool(
        getRoutingFormSlots,
        { form_id: FORM, responses: { topics: 'Planning' }, ...DAY, time_zone: 'UTC' },
        createTestContext(),
      ),
    );
    expect(result.error).toMatchObject({ kind: 'rejected_input', status: 400 });
    expect(result.text).toContain('topics: the routing form');
  });

  it.each([
    [{ form_id: '../me', ...DAY }, 'form_id'],
    [{ form_id: FORM, responses: { Products: ['Engine, Mill'] }, ...DAY }, 'responses.Products'],
    [{ form_id: FORM, responses: { 'cal.teamId': '7' }, ...DAY }, 'responses'],
    [{ form_id: FORM, responses: { topic: {} }, ...DAY }, 'responses.topic'],
    [{ form_id: FORM, responses: 'topic=demo', ...DAY }, 'responses'],
    [{ form_id: FORM, start_date: '2026-11-27', end_date: '2026-11-26' }, 'end_date'],
    [{ form_id: FORM, start_date: '2026-11-01', end_date: '2027-02-01' }, 'end_date'],
    [{ form_id: FORM, ...DAY, duration_minutes: 0 }, 'duration_minutes'],
    [{ form_id: FORM, ...DAY, time_zone: 'EST' }, 'time_zone'],
    [{ ...DAY }, 'form_id'],
  ])('refuses bad input naming the field (%j)', async (input, field) => {
    const result = expectFailure(await runTool(getRoutingFormSlots, input, createTestContext()));
    expect(result.error.kind).toBe('invalid_input');
    expect(result.text).toContain(field);
    expect(requestsSeen()).toEqual([]);
  });

  it('works through a real MCP client, read-only and without approval', async () => {
    expect(getRoutingFormSlots.needsApproval).toBe(false);
    expect(getRoutingFormSlots.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    const client: Client = await connectClient(
      createMcpServer({ client: createTestClient(), structuredContent: true }),
    );
    try {
      const listed = await client.listTools();
      expect(listed.tools.find((tool) => tool.name === 'get_routing_form_slots')?.annotations).toMatchObject({
        readOnlyHint: true,
      });
      const called = (await client.callTool({
        name: 'get_routing_form_slots',
        arguments: { form_id: FORM, responses: { Products: ['Mill'] }, ...DAY, time_zone: 'UTC' },
      })) as { content: { text: string }[]; isError?: boolean; structuredContent?: { eventTypeId?: number } };
      expect(called.isError).toBeUndefined();
      expect(called.content[0]?.text.split('\n')).toEqual([
        'Routed to event_type_id 4002.',
        "3 free starts for event_type_id 4002, 30 min each. Local times in UTC, each day with its UTC offset. Use a time with its day's date and offset, e.g. 2026-11-26T14:30:00+00:00 = 2026-11-26T14:30:00Z.",
        'Thu 2026-11-26 (UTC+00:00): 14:30 15:00 15:30',
      ]);
      expect(called.structuredContent?.eventTypeId).toBe(4002);
    } finally {
      await client.close();
    }
  });
});
