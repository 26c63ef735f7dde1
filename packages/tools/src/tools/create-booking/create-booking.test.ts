import { simulator } from '@calcom-int/testkit/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, expectFailure, expectOk, requestsSeen, useFixedSimulator } from '../../../test/support';
import { BOOKING_INPUT } from '../../../test/tool-inputs';
import { runTool } from '../../run-tool';
import { createBooking } from './create-booking';

function bookingPosts() {
  return simulator().requests.filter((request) => request.method === 'POST' && request.path === '/v2/bookings');
}

describe('create_booking', () => {
  beforeEach(() => useFixedSimulator());

  it('books a free start for a named attendee', async () => {
    const result = expectOk(
      await runTool(
        createBooking,
        {
          ...BOOKING_INPUT,
          notes: 'Agenda: compilers',
          send_confirmation: false,
        },
        createTestContext(),
      ),
    );
    expect(bookingPosts()).toHaveLength(1);
    expect(bookingPosts()[0]?.body).toMatchObject({
      eventTypeId: 3002,
      start: '2026-11-26T12:00:00.000Z',
      attendee: { name: 'Grace Hopper', email: 'grace@example.com', timeZone: 'America/New_York' },
    });
    expect(simulator().requests.some((request) => request.path === '/v2/me')).toBe(false);
    expect(result.text).toMatchInlineSnapshot(`
      "Booked uid qVPhvxDMnoBUa2oWVlA5hj (id 9008), status accepted.
      uid qVPhvxDMnoBUa2oWVlA5hj | accepted | 2026-11-26T12:00:00Z–12:30:00Z (Thu 2026-11-26 13:00+01:00–13:30 Europe/Berlin) | "30 min meeting between Ada Lovelace and Grace Hopper" | event_type_id 3002 | with "Grace Hopper" <grace@example.com> (07:00-05:00–07:30 America/New_York) | at "https://app.cal.com/video/qVPhvxDMnoBUa2oWVlA5hj" | notes "Agenda: compilers"
      You asked not to send the confirmation email, but Cal.com sends the confirmation email on its own; its API has no switch to turn that off. To change it, call reschedule_booking or cancel_booking with booking_id qVPhvxDMnoBUa2oWVlA5hj."
    `);
    expect(result.structured).toMatchSnapshot();
    const stored = simulator().state.bookings.at(-1);
    expect(stored).toMatchObject({ start: '2026-11-26T12:00:00.000Z', status: 'accepted', eventTypeId: 3002 });
    expect(result.structured).toMatchObject({
      booking: {
        uid: stored?.uid,
        id: stored?.id,
        start: '2026-11-26T12:00:00.000Z',
        end: '2026-11-26T12:30:00.000Z',
        status: 'accepted',
        eventTypeId: 3002,
        notes: 'Agenda: compilers',
        attendees: [{ name: 'Grace Hopper', email: 'grace@example.com', timeZone: 'America/New_York' }],
      },
      confirmation: { bookingUid: stored?.uid, requiresHostConfirmation: false, status: 'accepted' },
      attendee: { name: 'Grace Hopper', email: 'grace@example.com', timeZone: 'America/New_York' },
      sendConfirmation: { requested: false, honoured: false },
    });
  });

  it('defaults the attendee to the profile and says so', async () => {
    const result = expectOk(
      await runTool(
        createBooking,
        { event_type_id: 3002, start_time: '2026-11-26T13:00:00+01:00', end_time: '2026-11-26T13:30:00+01:00' },
        createTestContext(),
      ),
    );
    expect(bookingPosts()[0]?.body).toMatchObject({
      attendee: { name: 'Ada Lovelace', email: 'ada@example.com', timeZone: 'Europe/Berlin' },
    });
    expect(result.text).toContain('Attendee fields left out were taken from your profile.');
    expect(result.text).toContain('Cal.com sends the confirmation email on its own.');
  });

  it('reports a taken slot with the nearest free starts', async () => {
    // The seed books event type 3002 on Thursday 10:00 Europe/Berlin (09:00 UTC).
    expect(
      simulator().state.bookings.some(
        (booking) => booking.eventTypeId === 3002 && booking.start === '2026-11-26T09:00:00.000Z',
      ),
    ).toBe(true);
    const result = expectFailure(
      await runTool(
        createBooking,
        {
          event_type_id: 3002,
          start_time: '2026-11-26T09:00:00Z',
          end_time: '2026-11-26T09:30:00Z',
          attendee_name: 'Alan Turing',
          attendee_email: 'alan@example.com',
          attendee_timezone: 'Europe/London',
        },
        createTestContext(),
      ),
    );
    expect(result.error.kind).toBe('slot_unavailable');
    // Free 30-minute starts around 09:00 UTC, nearest first: 08:30 and 09:30 (30 min away), then 08:00.
    expect(result.error.nearestAvailableStarts).toEqual([
      '2026-11-26T08:30:00.000Z',
      '2026-11-26T09:30:00.000Z',
      '2026-11-26T08:00:00.000Z',
    ]);
    // Said once (not once by core and again by the tool), in UTC and in the attendee's zone with its offset.
    expect(result.text).toBe(
      'That time is not available: 2026-11-26T09:00:00Z (Thu 2026-11-26 09:00+00:00 Europe/London) is not a free start; nothing was booked. ' +
        'Nearest free starts: 2026-11-26T08:30:00Z (Thu 2026-11-26 08:30+00:00 Europe/London), 2026-11-26T09:30:00Z (Thu 2026-11-26 09:30+00:00 Europe/London), 2026-11-26T08:00:00Z (Thu 2026-11-26 08:00+00:00 Europe/London). ' +
        'Offer them to the user and call create_booking again with the chosen one (its UTC time).',
    );
    // The slot check refuses before anything is sent: no POST /v2/bookings at all.
    expect(requestsSeen()).toEqual([
      { method: 'GET', path: '/v2/event-types/3002', query: {}, body: undefined },
      {
        method: 'GET',
        path: '/v2/slots',
        query: {
          eventTypeId: '3002',
          start: '2026-11-25T09:00:00.000Z',
          end: '2026-11-27T09:00:00.000Z',
          timeZone: 'Europe/London',
          format: 'range',
        },
        body: undefined,
      },
    ]);
    expect(bookingPosts()).toEqual([]);
  });

  it('sends the canonical zone of an attendee zone given in another case', async () => {
    expectOk(
      await runTool(createBooking, { ...BOOKING_INPUT, attendee_timezone: 'america/new_york' }, createTestContext()),
    );
    expect(bookingPosts()[0]?.body).toMatchObject({ attendee: { timeZone: 'America/New_York' } });
  });

  it("refuses a start in the past naming the tool's fields and tools, not the client's", async () => {
    // The clock of the tests is 2026-11-25T08:00:00Z.
    const result = expectFailure(
      await runTool(
        createBooking,
        { ...BOOKING_INPUT, start_time: '2026-11-24T12:00:00Z', end_time: '2026-11-24T12:30:00Z' },
        createTestContext(),
      ),
    );
    expect(result.error).toEqual({
      kind: 'rejected_input',
      retryable: false,
      issues: [
        {
          field: 'start_time',
          message: '2026-11-24T12:00:00.000Z is in the past. Pick a future time among the free slots.',
        },
      ],
      message:
        'The input was refused before sending: start_time: 2026-11-24T12:00:00.000Z is in the past. Pick a future time among the free slots. Fix the fields named and call create_booking again.',
    });
    expect(result.text).not.toMatch(/\bstart\b|listSlots|createBooking/);
    expect(bookingPosts()).toEqual([]);
  });

  it.each([
    [
      { start_time: '2026-11-26T12:00:00', end_time: '2026-11-26T12:30:00Z' },
      {
        field: 'start_time',
        message:
          '"2026-11-26T12:00:00" is not an ISO 8601 time with an offset. Use a time like "2026-11-26T09:00:00Z" or "2026-11-26T10:00:00+01:00" (convert a local time to UTC and add the Z).',
      },
    ],
    [
      { start_time: '2026-11-26T12:30:00Z', end_time: '2026-11-26T12:00:00Z' },
      {
        field: 'end_time',
        message:
          '2026-11-26T12:00:00Z is not after the start 2026-11-26T12:30:00Z. Pass an end later than the start (swap them or fix the date).',
      },
    ],
    [
      { start_time: '2026-11-26T12:00:00Z', end_time: '2026-11-26T12:30:00Z', attendee_email: 'grace' },
      {
        field: 'attendee_email',
        message:
          '"grace" is not an email address: it has no @. Pass a single bare address like jane@example.com (no name, no <>).',
      },
    ],
    [
      { start_time: '2026-11-26T12:00:00Z', end_time: '2026-11-26T12:30:00Z', attendee_timezone: 'EST' },
      {
        field: 'attendee_timezone',
        message:
          '"EST" is an abbreviation, not an IANA time zone (it does not say which place\'s daylight-saving rules apply). Pass the zone of the place, e.g. America/New_York or America/Toronto.',
      },
    ],
    [
      { start_time: '2026-11-26T12:00:00Z', end_time: '2026-11-26T12:30:00Z', attendee_timezone: 'America/NewYork' },
      {
        field: 'attendee_timezone',
        message: '"America/NewYork" is not an IANA time zone. Did you mean America/New_York?',
      },
    ],
    [
      { start_time: '2026-11-26T12:00:00Z', end_time: '2026-11-26T12:30:00Z', send_confirmation: 'no' },
      { field: 'send_confirmation', message: 'must be true or false' },
    ],
  ])('refuses %j without a request', async (input, issue) => {
    const result = expectFailure(await runTool(createBooking, { event_type_id: 3002, ...input }, createTestContext()));
    expect(result.error.issues).toEqual([issue]);
    expect(simulator().requests).toEqual([]);
  });
});
