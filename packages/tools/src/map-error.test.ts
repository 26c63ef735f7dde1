import { CalComSlotUnavailableError, CalComUnknownOutcomeError, CalComValidationError } from '@calcom-int/core';
import { describe, expect, it } from 'vitest';
import { mapError } from './map-error';
import { calComTools } from './tools/all-tools';
import { createBooking } from './tools/create-booking';
import { listAvailability } from './tools/list-availability';
import { rescheduleBooking } from './tools/reschedule-booking';

const apiInit = { code: 'SLOT_UNAVAILABLE', method: 'GET', url: 'https://api.cal.com/v2/slots', status: 409 };

/** Every core method name a tool error must not show. */
const CORE_NAMES =
  /\b(listSlots|slots\.list|availability\.list|bookings\.(list|iterate|get|create|reschedule|cancel|confirm|decline)|me\.(get|update)|eventTypes\.(list|get)|teams\.(list|get|listMembers))\b/;

describe("mapError speaks the tool's words", () => {
  it("names each issue by the tool's field, its path looked up in coreFields (reschedule_booking)", () => {
    const error = new CalComValidationError(
      'Invalid start: 2026-11-24T13:00:00.000Z is in the past. Pick a future time among the free slots. Nothing was sent to Cal.com.',
      [{ path: 'start', message: '2026-11-24T13:00:00.000Z is in the past. Pick a future time among the free slots.' }],
    );
    expect(mapError(error, rescheduleBooking)).toEqual({
      kind: 'rejected_input',
      retryable: false,
      issues: [
        {
          field: 'new_start_time',
          message: '2026-11-24T13:00:00.000Z is in the past. Pick a future time among the free slots.',
        },
      ],
      message:
        'The input was refused before sending: new_start_time: 2026-11-24T13:00:00.000Z is in the past. Pick a future time among the free slots. Fix the fields named and call reschedule_booking again.',
    });
  });

  it("maps nested and several paths, and tells the refusal from the issues, not core's message (create_booking)", () => {
    const error = new CalComValidationError(
      'Invalid attendee.timeZone: bad. Invalid end: early. Invalid metadata: odd.',
      [
        { path: 'attendee.timeZone', message: 'bad.' },
        { path: ['end'], message: 'is not after the start.' },
        { path: 'metadata', message: 'odd.' },
      ] as unknown as ConstructorParameters<typeof CalComValidationError>[1],
    );
    expect(mapError(error, createBooking)).toEqual({
      kind: 'rejected_input',
      retryable: false,
      issues: [
        { field: 'attendee_timezone', message: 'bad.' },
        { field: 'end_time', message: 'is not after the start.' },
        // A path the tool does not fill stays as it is.
        { field: 'metadata', message: 'odd.' },
      ],
      message:
        'The input was refused before sending: attendee_timezone: bad. end_time: is not after the start. metadata: odd. Fix the fields named and call create_booking again.',
    });
  });

  it('names list_availability fields for the range and the zone', () => {
    const error = new CalComValidationError('Invalid timeZone: "Berlin" is not an IANA time zone.', [
      { path: 'timeZone', message: '"Berlin" is not an IANA time zone. Did you mean Europe/Berlin?' },
    ]);
    expect(mapError(error, listAvailability)).toMatchObject({
      issues: [{ field: 'time_zone', message: '"Berlin" is not an IANA time zone. Did you mean Europe/Berlin?' }],
    });
  });

  it("quotes Cal.com's own rejection (with a status) as core words it", () => {
    const error = new CalComValidationError('Cal.com said the start is taken.', [{ path: 'start', message: 'taken' }]);
    (error as unknown as { status: number }).status = 400;
    expect(mapError(error, createBooking)).toMatchObject({
      kind: 'rejected_input',
      issues: [{ field: 'start_time', message: 'taken' }],
      message: 'Cal.com rejected the input (400): Cal.com said the start is taken.',
    });
  });

  it.each([
    [
      {
        operation: 'bookings.get',
        params: { uid: 'bk_1' },
        meaning:
          ': if it shows the booking rescheduled to a new uid, that is the new booking; otherwise reschedule again.',
      },
      'Check with get_booking with booking_id bk_1: if it shows the booking rescheduled to a new uid, that is the new booking; otherwise reschedule again.',
    ],
    [
      {
        operation: 'bookings.list',
        params: {
          attendeeEmail: 'grace@example.com',
          eventTypeId: 3002,
          afterStart: '2026-11-26T12:00:00.000Z',
          beforeEnd: '2026-11-26T12:30:00.000Z',
        },
        meaning: ' before booking again.',
      },
      'Check with list_bookings with start_date 2026-11-26T12:00:00.000Z and end_date 2026-11-26T12:30:00.000Z (look for event_type_id 3002 with attendee grace@example.com) before booking again.',
    ],
    [
      {
        operation: 'me.get',
        params: {},
        meaning: ' whether the settings have the new values; otherwise update them again.',
      },
      'Check with get_user_profile whether the settings have the new values; otherwise update them again.',
    ],
    [
      {
        operation: 'eventTypes.get',
        params: { id: 3002 },
        meaning: ' whether title have the new values; otherwise update it again.',
      },
      'Check with get_event_type with event_type_id 3002 whether title have the new values; otherwise update it again.',
    ],
    [
      { operation: 'eventTypes.list', params: {}, meaning: ' for the slug "intro" before creating it again.' },
      'Check with list_event_types for the slug "intro" before creating it again.',
    ],
  ] as const)("renders core's check fact %j as the tool call that makes it", (check, howToCheck) => {
    const error = new CalComUnknownOutcomeError('The write may or may not have happened.', check);
    const mapped = mapError(error, rescheduleBooking);
    expect(mapped).toEqual({
      kind: 'unknown_outcome',
      retryable: false,
      howToCheck,
      message: `The outcome of reschedule_booking is unknown: Cal.com may or may not have made the change. ${howToCheck} Do not call reschedule_booking again until you have checked.`,
    });
    expect(error.howToCheck).toMatch(CORE_NAMES);
    expect(JSON.stringify(mapped)).not.toMatch(CORE_NAMES);
  });

  it("falls back to a look-up with tools when the error carries no check fact a tool can make (never core's text)", () => {
    const textOnly = new CalComUnknownOutcomeError('The booking may exist.', 'Call bookings.get("bk_1") to find out.');
    // A fact of a call no tool makes (a newer core than these tools), and one that is not a fact at all.
    const noTool = new CalComUnknownOutcomeError('The team may exist.', {
      operation: 'teams.get',
      params: { id: 5001 },
      meaning: ' for it.',
    } as unknown as Exclude<ConstructorParameters<typeof CalComUnknownOutcomeError>[1], string>);
    const malformed = new CalComUnknownOutcomeError('The booking may exist.', 'Check it.');
    (malformed as unknown as { check: unknown }).check = { operation: 'bookings.get' };
    for (const error of [textOnly, noTool, malformed]) {
      expect(mapError(error, createBooking).howToCheck).toBe(
        'Look the booking up with list_bookings or get_booking before trying again.',
      );
    }
  });

  it('leaves every tool error free of core method names and core field paths it maps', () => {
    const outcome = new CalComUnknownOutcomeError('The booking may exist.', {
      operation: 'bookings.get',
      params: { uid: 'bk_1' },
      meaning: ': status "cancelled" means it happened; otherwise cancel it again.',
    });
    for (const tool of calComTools) {
      const refused = new CalComValidationError('Invalid input: core words (slots.list, bookings.create).', [
        ...Object.keys(tool.coreFields ?? {}).map((path) => ({ path, message: 'is wrong.' })),
      ]);
      for (const mapped of [mapError(refused, tool), mapError(outcome, tool)]) {
        expect(`${mapped.message} ${mapped.howToCheck ?? ''}`).not.toMatch(CORE_NAMES);
      }
      expect(mapError(refused, tool).issues?.map((issue) => issue.field) ?? []).toEqual(
        Object.values(tool.coreFields ?? {}),
      );
    }
  });
});

describe('mapError on a taken slot', () => {
  function taken(facts: { starts?: string[]; requested?: string; timeZone?: string; message?: string }) {
    const error = new CalComSlotUnavailableError({
      ...apiInit,
      message:
        facts.message ??
        '2026-11-01T05:30:00.000Z is not a free slot of event type 3002; nothing was booked. Nearest free starts: 2026-11-01T06:00:00.000Z. Pick one of them and try again.',
    });
    error.nearestAvailableStarts = facts.starts ?? [];
    error.requestedStart = facts.requested;
    error.timeZone = facts.timeZone;
    return error;
  }

  it('lists the nearest free starts once, in UTC and in the zone of the request with offsets', () => {
    const error = taken({
      starts: ['2026-11-01T06:00:00.000Z', '2026-11-01T05:00:00.000Z'],
      requested: '2026-11-01T05:30:00.000Z',
      timeZone: 'America/New_York',
    });
    expect(mapError(error, createBooking)).toEqual({
      kind: 'slot_unavailable',
      status: 409,
      code: 'SLOT_UNAVAILABLE',
      retryable: false,
      nearestAvailableStarts: ['2026-11-01T06:00:00.000Z', '2026-11-01T05:00:00.000Z'],
      message:
        'That time is not available: 2026-11-01T05:30:00Z (Sun 2026-11-01 01:30-04:00 America/New_York) is not a free start; nothing was booked. ' +
        'Nearest free starts: 2026-11-01T06:00:00Z (Sun 2026-11-01 01:00-05:00 America/New_York), 2026-11-01T05:00:00Z (Sun 2026-11-01 01:00-04:00 America/New_York). ' +
        'Offer them to the user and call create_booking again with the chosen one (its UTC time).',
    });
  });

  it('shows UTC alone when the zone is UTC or unknown, and never repeats the starts', () => {
    const utc = mapError(
      taken({ starts: ['2026-11-01T06:00:00.000Z'], requested: '2026-11-01T05:30:00.000Z', timeZone: 'UTC' }),
      createBooking,
    );
    expect(utc.message).toBe(
      'That time is not available: 2026-11-01T05:30:00Z is not a free start; nothing was booked. Nearest free starts: 2026-11-01T06:00:00Z. Offer them to the user and call create_booking again with the chosen one (its UTC time).',
    );
    const unknown = mapError(taken({ starts: ['2026-11-01T06:00:00.000Z'] }), createBooking);
    expect(unknown.message).toBe(
      'That time is not available: that start is not free; nothing was booked. Nearest free starts: 2026-11-01T06:00:00Z. Offer them to the user and call create_booking again with the chosen one (its UTC time).',
    );
    expect(unknown.message.match(/2026-11-01T06:00:00/g)).toHaveLength(1);
    const unusable = mapError(
      taken({ starts: ['2026-11-01T06:00:00.000Z'], requested: '2026-11-01T05:30:00.000Z', timeZone: 'Mars/Base' }),
      createBooking,
    );
    expect(unusable.message).toBe(utc.message);
  });

  it("quotes Cal.com's own refusal when there are no alternatives, pointing at list_availability", () => {
    const error = taken({
      requested: '2026-11-01T05:30:00.000Z',
      timeZone: 'Europe/Rome',
      message: 'No free slot within 24 hours of it; call slots.list for a wider range.',
    });
    expect(mapError(error, createBooking).message).toBe(
      'That time is not available: 2026-11-01T05:30:00Z (Sun 2026-11-01 06:30+01:00 Europe/Rome) is not a free start; nothing was booked. Call list_availability for free starts and offer them to the user.',
    );
  });
});
