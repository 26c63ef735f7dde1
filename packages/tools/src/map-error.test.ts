import {
  CalComConflictError,
  CalComSlotUnavailableError,
  CalComUnknownOutcomeError,
  CalComValidationError,
} from '@calcom-int/core';
import { describe, expect, it } from 'vitest';
import { mapError } from './map-error';
import { calComTools } from './tools/all-tools';
import { createBooking } from './tools/create-booking';
import { listAvailability } from './tools/list-availability';
import { rescheduleBooking } from './tools/reschedule-booking';

const annotations = {
  title: 'x',
  readOnlyHint: false,
  destructiveHint: false,
  idempotentHint: false,
  openWorldHint: true,
};
const apiInit = { code: 'SLOT_UNAVAILABLE', method: 'GET', url: 'https://api.cal.com/v2/slots', status: 409 };

/** Every core method name a tool error must not show. */
const CORE_NAMES =
  /\b(listSlots|slots\.list|availability\.list|bookings\.(list|iterate|get|create|reschedule|cancel|confirm|decline)|me\.(get|update)|eventTypes\.(list|get)|teams\.(list|get|listMembers))\b/;

describe("mapError speaks the tool's words", () => {
  it("names the tool's own fields and tools in the issues and the message (reschedule_booking)", () => {
    const error = new CalComValidationError(
      'Invalid start: 2026-11-24T13:00:00.000Z is in the past. Pick a future slot from slots.list. Nothing was sent to Cal.com.',
      [{ path: 'start', message: '2026-11-24T13:00:00.000Z is in the past. Pick a future slot from slots.list.' }],
    );
    expect(mapError(error, rescheduleBooking)).toEqual({
      kind: 'rejected_input',
      retryable: false,
      issues: [
        {
          field: 'new_start_time',
          message: '2026-11-24T13:00:00.000Z is in the past. Pick a future slot from list_availability.',
        },
      ],
      message:
        'The input was refused before sending: Invalid new_start_time: 2026-11-24T13:00:00.000Z is in the past. Pick a future slot from list_availability. Nothing was sent to Cal.com. Fix the fields named and call reschedule_booking again.',
    });
  });

  it('maps nested and several fields, longest first, and leaves other words alone (create_booking)', () => {
    const error = new CalComValidationError('Invalid attendee.timeZone: bad. Also end is not after the start.', [
      { path: 'attendee.timeZone', message: 'bad' },
      { path: 'end', message: 'is not after the start; restart from the starts list' },
    ]);
    expect(mapError(error, createBooking)).toMatchObject({
      issues: [
        { field: 'attendee_timezone', message: 'bad' },
        { field: 'end_time', message: 'is not after the start_time; restart from the starts list' },
      ],
      message:
        'The input was refused before sending: Invalid attendee_timezone: bad. Also end_time is not after the start_time. Fix the fields named and call create_booking again.',
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

  it('rewrites calls of core methods in how-to-check advice as tool calls', () => {
    const moved = new CalComUnknownOutcomeError(
      'The reschedule may or may not have happened.',
      'Check with bookings.get("bk_1"): if it has rescheduledToUid, that is the new booking; otherwise reschedule again.',
    );
    expect(mapError(moved, rescheduleBooking).howToCheck).toBe(
      'Check with get_booking with booking_id bk_1: if it has rescheduledToUid, that is the new booking; otherwise reschedule again.',
    );
    const settings = new CalComUnknownOutcomeError(
      'The update may or may not have happened.',
      'Check with me.get() whether the settings have the new values; otherwise update them again.',
    );
    expect(mapError(settings, { name: 'update_user_timezone', annotations }).howToCheck).toBe(
      'Check with get_user_profile whether the settings have the new values; otherwise update them again.',
    );
  });

  it('rewrites method names in any error text, also for tools without field names', () => {
    const error = new CalComConflictError({ ...apiInit, status: 409, message: 'Changed meanwhile; see bookings.get.' });
    expect(mapError(error, { name: 'confirm_booking', annotations }).message).toBe(
      'Conflict (409): Changed meanwhile; see get_booking. Reload the booking with get_booking and decide again; do not repeat the same call.',
    );
  });

  it('leaves every tool error free of core method names', () => {
    const error = new CalComValidationError('Pick one from slots.list, then bookings.create or bookings.reschedule.', [
      { path: 'start', message: 'see me.get and bookings.list' },
    ]);
    for (const tool of calComTools) {
      const mapped = mapError(error, tool);
      expect(`${mapped.message} ${JSON.stringify(mapped.issues)}`).not.toMatch(CORE_NAMES);
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
