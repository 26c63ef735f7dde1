import { CalComValidationError } from '@calcom-int/core';
import { simulator } from '@calcom-int/testkit/vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { connectClient } from '../../../test/mcp-client';
import { createTestClient, createTestContext, expectFailure, expectOk, useFixedSimulator } from '../../../test/support';
import { createMcpServer } from '../../adapters/mcp/create-mcp-server';
import { runTool } from '../../run-tool';
import { renameAnswerIssues } from './booking-details';
import { createBooking } from './create-booking';

/** The seeded discovery call (3007): 30/45/60 min, five locations, a required "Company" question. */
const DISCOVERY = {
  event_type_id: 3007,
  start_time: '2026-11-26T15:00:00Z',
  attendee_name: 'Grace Hopper',
  attendee_email: 'grace@example.com',
  attendee_timezone: 'America/New_York',
} as const;

function firstIssue(error: object): { field: string; message: string } | undefined {
  return 'issues' in error && Array.isArray(error.issues) ? error.issues[0] : undefined;
}

function bookingPosts() {
  return simulator().requests.filter((request) => request.method === 'POST' && request.path === '/v2/bookings');
}

describe('create_booking: guests, location, answers, length and metadata', () => {
  beforeEach(() => useFixedSimulator());

  it('books with every detail and shows the location', async () => {
    const result = expectOk(
      await runTool(
        createBooking,
        {
          ...DISCOVERY,
          guest_emails: ['bo@example.com'],
          location: { type: 'attendee_phone', value: '+12025550123' },
          answers: { company: 'Navy', goal: 'Compilers' },
          length_minutes: 60,
          metadata: { crm_id: 'A-17', priority: 2 },
        },
        createTestContext(),
      ),
    );
    expect(bookingPosts()[0]?.body).toEqual({
      start: '2026-11-26T15:00:00.000Z',
      eventTypeId: 3007,
      attendee: { name: 'Grace Hopper', email: 'grace@example.com', timeZone: 'America/New_York' },
      guests: ['bo@example.com'],
      location: { type: 'attendeePhone', phone: '+12025550123' },
      bookingFieldsResponses: { company: 'Navy', goal: 'Compilers' },
      lengthInMinutes: 60,
      metadata: { crm_id: 'A-17', priority: 2 },
    });
    const uid = simulator().state.bookings.at(-1)?.uid;
    expect(result.text.split('\n')[1]).toBe(
      `uid ${uid} | accepted | 2026-11-26T15:00:00Z–16:00:00Z (Thu 2026-11-26 16:00+01:00–17:00 Europe/Berlin) | "Discovery call between Ada Lovelace and Grace Hopper" | event_type_id 3007 | with "Grace Hopper" <grace@example.com> (10:00-05:00–11:00 America/New_York) | at "+12025550123" | answer "company": "Navy" | answer "goal": "Compilers"`,
    );
  });

  it.each([
    [{ type: 'address' }, { type: 'address' }, '12 St James Square, London'],
    [{ type: 'link' }, { type: 'link' }, 'https://meet.example.com/ada'],
    [{ type: 'phone' }, { type: 'phone' }, '+442071234567'],
    [{ type: 'integration', value: 'cal-video' }, { type: 'integration', integration: 'cal-video' }, undefined],
  ])('maps the location %j to %j', async (location, sent, stored) => {
    expectOk(
      await runTool(createBooking, { ...DISCOVERY, location, answers: { company: 'Navy' } }, createTestContext()),
    );
    expect(bookingPosts()[0]?.body).toMatchObject({ location: sent });
    const booking = simulator().state.bookings.at(-1);
    expect(booking?.location).toBe(stored ?? booking?.meetingUrl);
  });

  it('asks for each required question by name, under answers', async () => {
    const result = expectFailure(await runTool(createBooking, DISCOVERY, createTestContext()));
    expect(result.error).toMatchObject({
      kind: 'rejected_input',
      issues: [
        {
          field: 'answers.company',
          message:
            'event type 3007 ("Discovery call") asks "Company" (slug company) and requires an answer. Pass the answer under the slug company.',
        },
      ],
    });
    expect(bookingPosts()).toEqual([]);
  });

  it.each([
    [
      { location: { type: 'attendee_address', value: '1 Main St' }, answers: { company: 'Navy' } },
      'location.type',
      'event type 3007 ("Discovery call") does not offer the location attendeeAddress. Use one of its locations: integration (cal-video), address, link, phone, attendeePhone.',
    ],
    [
      { location: { type: 'integration', value: 'zoom' }, answers: { company: 'Navy' } },
      'location.value',
      'event type 3007 ("Discovery call") does not offer the location integration (zoom). Use one of its locations: integration (cal-video), address, link, phone, attendeePhone.',
    ],
    [
      { location: { type: 'attendee_phone' }, answers: { company: 'Navy' } },
      'location.value',
      'expected an E.164 phone number (a string), got undefined. Use the international format, e.g. +393331234567.',
    ],
    [
      { location: { type: 'address', value: 'Via Roma 1' }, answers: { company: 'Navy' } },
      'location.value',
      'is not a field of a address location. Leave it out: Cal.com uses the address the event type holds.',
    ],
    [
      { length_minutes: 90, answers: { company: 'Navy' } },
      'length_minutes',
      '90 minutes is not a length of event type 3007 ("Discovery call"). Use one of 30, 45, 60 minutes.',
    ],
    [{ answers: { company: 'x'.repeat(5001) } }, 'answers.company', 'is not an answer'],
  ])('refuses case %# naming the field', async (extra, field, message) => {
    const result = expectFailure(await runTool(createBooking, { ...DISCOVERY, ...extra }, createTestContext()));
    expect(result.error.kind).toBe('rejected_input');
    expect(firstIssue(result.error)?.field).toBe(field);
    expect(firstIssue(result.error)?.message).toContain(message);
    expect(bookingPosts()).toEqual([]);
  });

  it('names the limit a metadata key breaks, from the same rule the client applies', async () => {
    const result = expectFailure(
      await runTool(createBooking, { ...DISCOVERY, metadata: { ['k'.repeat(41)]: 'v' } }, createTestContext()),
    );
    expect(result.error.kind).toBe('invalid_input');
    expect(firstIssue(result.error)?.message).toContain(
      'the key is 41 characters long. Use keys of at most 40 characters.',
    );
  });

  it.each([
    [{ location: { type: 'office' } }, 'location.type'],
    [{ guest_emails: ['not-an-email'] }, 'guest_emails.0'],
    [{ answers: { company: null } }, 'answers.company'],
    [{ answers: { company: { name: 'Navy' } } }, 'answers.company'],
    [{ metadata: { nested: { a: 1 } } }, 'metadata.nested'],
    [{ metadata: { ['k'.repeat(41)]: 'v' } }, `metadata.${'k'.repeat(41)}`],
    [{ length_minutes: 0 }, 'length_minutes'],
  ])('refuses the malformed %j before any request', async (extra, field) => {
    const result = expectFailure(await runTool(createBooking, { ...DISCOVERY, ...extra }, createTestContext()));
    expect(firstIssue(result.error)?.field).toBe(field);
    expect(simulator().requests).toEqual([]);
  });

  it('works through a real MCP client: the new fields are listed and a missing answer comes back as an error', async () => {
    expect(createBooking.needsApproval).toBe(true);
    const client: Client = await connectClient(
      createMcpServer({ client: createTestClient(), structuredContent: true }),
    );
    try {
      const listed = (await client.listTools()).tools.find((tool) => tool.name === 'create_booking');
      expect(Object.keys(listed?.inputSchema.properties ?? {})).toEqual(
        expect.arrayContaining(['guest_emails', 'location', 'answers', 'length_minutes', 'metadata']),
      );
      const refused = (await client.callTool({ name: 'create_booking', arguments: DISCOVERY })) as {
        content: { text: string }[];
        isError?: boolean;
      };
      expect(refused.isError).toBe(true);
      expect(refused.content[0]?.text).toContain('answers.company: event type 3007 ("Discovery call") asks "Company"');
      const booked = (await client.callTool({
        name: 'create_booking',
        arguments: { ...DISCOVERY, location: { type: 'link' }, answers: { company: 'Navy' } },
      })) as { content: { text: string }[]; isError?: boolean };
      expect(booked.isError).toBeUndefined();
      expect(booked.content[0]?.text).toContain('| at "https://meet.example.com/ada" | answer "company": "Navy"');
    } finally {
      await client.close();
    }
  });

  it('leaves errors without answers alone', () => {
    const plain = new CalComValidationError('x', [{ path: 'start', message: 'm' }]);
    expect(renameAnswerIssues(plain)).toBe(plain);
    const other = new Error('boom');
    expect(renameAnswerIssues(other)).toBe(other);
  });
});
