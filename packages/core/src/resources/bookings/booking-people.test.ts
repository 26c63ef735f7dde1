import { success } from '@calcom-int/testkit/fixtures';
import { server, simulator, TEST_BASE_URL, TEST_NOW } from '@calcom-int/testkit/vitest';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createTestClient, sentRequests } from '../../../test/support/test-client';
import { CalComUnknownOutcomeError } from '../../errors/unknown-outcome-error';
import { CalComValidationError } from '../../errors/validation-error';

const V = '2024-08-13';
/** The seeded accepted 30-minute booking on Tuesday 2026-06-02 10:00 Berlin (TEST_NOW is Monday 08:00 Berlin). */
const UPCOMING_START = '2026-06-02T08:00:00.000Z';
/** The seeded past booking (the only one that ended before TEST_NOW). */
const PAST_START = 'past';

function seeded(start: string) {
  const booking = simulator().state.bookings.find((candidate) =>
    start === PAST_START
      ? Date.parse(candidate.end) < TEST_NOW && candidate.status === 'accepted'
      : candidate.start === start,
  );
  if (booking === undefined) throw new Error(`no seeded booking at ${start}`);
  return booking;
}

const calls = () => sentRequests().map((request) => `${request.method} ${request.path}`);

const writes = () => sentRequests().filter((request) => request.method !== 'GET');

async function refusal(promise: Promise<unknown>): Promise<string> {
  const before = writes().length;
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CalComValidationError);
  expect(writes()).toHaveLength(before);
  return (error as Error).message;
}

describe('bookings.listAttendees and getAttendee', () => {
  it('lists the attendees with ids and gets one by id', async () => {
    const client = createTestClient();
    const booking = seeded(UPCOMING_START);
    const attendees = await client.bookings.listAttendees(booking.uid);
    expect(attendees).toEqual([
      {
        id: booking.id * 1000 + 1,
        name: booking.attendees[0]?.name,
        email: booking.attendees[0]?.email,
        timeZone: booking.attendees[0]?.timeZone,
        absent: false,
      },
    ]);
    expect(await client.bookings.getAttendee(booking.uid, booking.id * 1000 + 1)).toEqual(attendees[0]);
    expect(sentRequests().map((request) => [request.path, request.version])).toEqual([
      [`/v2/bookings/${booking.uid}/attendees`, V],
      [`/v2/bookings/${booking.uid}/attendees/${booking.id * 1000 + 1}`, V],
    ]);
  });

  it('refuses a bad attendee id before sending', async () => {
    const client = createTestClient();
    expect(await refusal(client.bookings.getAttendee(seeded(UPCOMING_START).uid, 1.5))).toContain('attendeeId');
  });
});

describe('bookings.addAttendee', () => {
  it('adds an attendee, visible when the booking is read back', async () => {
    const client = createTestClient();
    const { uid } = seeded(UPCOMING_START);
    const result = await client.bookings.addAttendee(uid, {
      name: ' Bo Chen ',
      email: 'bo@example.com',
      timeZone: 'Asia/Tokyo',
      phoneNumber: '+819012345678',
      language: 'ja',
    });
    expect(result).toEqual({
      attendee: {
        id: expect.any(Number),
        name: 'Bo Chen',
        email: 'bo@example.com',
        timeZone: 'Asia/Tokyo',
        absent: false,
        language: 'ja',
        phoneNumber: '+819012345678',
      },
      verifiedByReadBack: false,
    });
    expect((await client.bookings.get(uid)).attendees.map((attendee) => attendee.email)).toContain('bo@example.com');
    expect(sentRequests()[1]).toEqual({
      method: 'POST',
      path: `/v2/bookings/${uid}/attendees`,
      query: {},
      version: V,
      body: {
        name: 'Bo Chen',
        email: 'bo@example.com',
        timeZone: 'Asia/Tokyo',
        phoneNumber: '+819012345678',
        language: 'ja',
      },
    });
  });

  it('finds the attendee after a lost answer instead of sending again', async () => {
    const client = createTestClient();
    const { uid } = seeded(UPCOMING_START);
    simulator().faults.add({
      method: 'POST',
      path: `/v2/bookings/${uid}/attendees`,
      fault: { type: 'commit-then-fail', outcome: 'server-error' },
    });
    const result = await client.bookings.addAttendee(uid, { name: 'Bo', email: 'bo@example.com', timeZone: 'UTC' });
    expect(result).toMatchObject({ attendee: { email: 'bo@example.com' }, verifiedByReadBack: true });
    expect(calls()).toEqual([
      `GET /v2/bookings/${uid}/attendees`,
      `POST /v2/bookings/${uid}/attendees`,
      `GET /v2/bookings/${uid}/attendees`,
    ]);
  });

  it('says how to check when the answer was lost and the attendee is not there', async () => {
    const client = createTestClient();
    const { uid } = seeded(UPCOMING_START);
    server.use(http.post(`${TEST_BASE_URL}/bookings/${uid}/attendees`, () => HttpResponse.json({}, { status: 503 })));
    const error = await client.bookings
      .addAttendee(uid, { name: 'Bo', email: 'bo@example.com', timeZone: 'UTC' }, { maxRetries: 0 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComUnknownOutcomeError);
    expect((error as CalComUnknownOutcomeError).check).toEqual({
      operation: 'bookings.get',
      params: { uid },
      meaning: ': if its attendees include bo@example.com, it was added; otherwise add it again.',
    });
  });

  it.each([
    [{ name: 'Bo', email: 'ada-attendee', timeZone: 'UTC' }, 'email'],
    [{ name: '', email: 'bo@example.com', timeZone: 'UTC' }, 'name'],
    [{ name: 'Bo', email: 'bo@example.com', timeZone: 'Mars/Base' }, 'timeZone'],
    [{ name: 'Bo', email: 'bo@example.com', timeZone: 'UTC', phoneNumber: '123' }, 'phoneNumber'],
    [{ name: 'Bo', email: 'bo@example.com', timeZone: 'UTC', language: 'xx' }, 'language'],
    [{ name: 'Bo', email: 'bo@example.com', timezone: 'UTC' }, 'timezone'],
  ])('refuses %j before sending, naming %s', async (input, field) => {
    const client = createTestClient();
    const message = await refusal(client.bookings.addAttendee(seeded(UPCOMING_START).uid, input as never));
    expect(message).toContain(field);
  });

  it('refuses an email that already attends', async () => {
    const client = createTestClient();
    const booking = seeded(UPCOMING_START);
    const email = booking.attendees[0]?.email ?? '';
    expect(await refusal(client.bookings.addAttendee(booking.uid, { name: 'X', email, timeZone: 'UTC' }))).toContain(
      `${email} is already an attendee of booking ${booking.uid}. Nothing to add.`,
    );
  });
});

describe('bookings.addGuests', () => {
  it('adds guests as attendees and returns the booking', async () => {
    const client = createTestClient();
    const { uid } = seeded(UPCOMING_START);
    const { booking, verifiedByReadBack } = await client.bookings.addGuests(uid, {
      guests: [{ email: 'cy@example.com', name: 'Cy', timeZone: 'Europe/Rome' }, { email: 'di@example.com' }],
    });
    expect(verifiedByReadBack).toBe(false);
    expect(booking.attendees.slice(1)).toEqual([
      { name: 'Cy', email: 'cy@example.com', timeZone: 'Europe/Rome', absent: false },
      { name: '', email: 'di@example.com', timeZone: 'Europe/Berlin', absent: false },
    ]);
  });

  it('reads the booking back after a lost answer', async () => {
    const client = createTestClient();
    const { uid } = seeded(UPCOMING_START);
    simulator().faults.add({
      method: 'POST',
      path: `/v2/bookings/${uid}/guests`,
      fault: { type: 'commit-then-fail', outcome: 'server-error' },
    });
    const result = await client.bookings.addGuests(uid, { guests: [{ email: 'cy@example.com' }] });
    expect(result.verifiedByReadBack).toBe(true);
    expect(calls()).toEqual([`GET /v2/bookings/${uid}`, `POST /v2/bookings/${uid}/guests`, `GET /v2/bookings/${uid}`]);
  });

  it('says how to check when the guests are not there after a lost answer', async () => {
    const client = createTestClient();
    const { uid } = seeded(UPCOMING_START);
    server.use(http.post(`${TEST_BASE_URL}/bookings/${uid}/guests`, () => HttpResponse.json({}, { status: 503 })));
    const error = await client.bookings
      .addGuests(uid, { guests: [{ email: 'cy@example.com' }] }, { maxRetries: 0 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComUnknownOutcomeError);
  });

  it.each([
    [{ guests: [] }, 'guests: expected 1 to 10 guests, got 0'],
    [{ guests: 'cy@example.com' }, 'guests: expected an array of guests'],
    [{ guests: Array.from({ length: 11 }, (_, index) => ({ email: `g${index}@example.com` })) }, 'got 11'],
    [{ guests: ['cy@example.com'] }, 'guests.0'],
    [
      { guests: [{ email: 'cy@example.com' }, { email: 'CY@example.com' }] },
      'guests.1.email: CY@example.com is listed twice',
    ],
    [{ guests: [{ email: 'x' }] }, 'guests.0.email'],
    [{ guests: [{ email: 'cy@example.com', name: ' ' }] }, 'guests.0.name'],
    [{ guests: [{ email: 'cy@example.com', timeZone: 'Nowhere' }] }, 'guests.0.timeZone'],
    [{ guests: [{ email: 'cy@example.com', phoneNumber: '1' }] }, 'guests.0.phoneNumber'],
    [{ guests: [{ email: 'cy@example.com', language: 'zz' }] }, 'guests.0.language'],
    [{ guests: [{ mail: 'cy@example.com' }] }, 'guests.0.mail'],
    [{ emails: [] }, 'emails'],
  ])('refuses %j before sending', async (input, expected) => {
    const client = createTestClient();
    expect(await refusal(client.bookings.addGuests(seeded(UPCOMING_START).uid, input as never))).toContain(expected);
  });

  it('refuses a guest who already attends, a cancelled booking and more than 30 attendees', async () => {
    const client = createTestClient();
    const booking = seeded(UPCOMING_START);
    const email = booking.attendees[0]?.email ?? '';
    expect(await refusal(client.bookings.addGuests(booking.uid, { guests: [{ email }] }))).toContain(
      `guests.0.email: ${email} is already an attendee of booking ${booking.uid}. Leave it out.`,
    );
    const cancelled = simulator().state.bookings.find((candidate) => candidate.status === 'cancelled');
    expect(
      await refusal(client.bookings.addGuests(cancelled?.uid ?? '', { guests: [{ email: 'a@example.com' }] })),
    ).toContain('is cancelled. Add guests to an active booking.');
    for (const batch of [0, 1, 2]) {
      await client.bookings.addGuests(booking.uid, {
        guests: Array.from({ length: batch === 2 ? 9 : 10 }, (_, index) => ({
          email: `g${batch}-${index}@example.com`,
        })),
      });
    }
    expect(
      await refusal(client.bookings.addGuests(booking.uid, { guests: [{ email: 'one-more@example.com' }] })),
    ).toContain('has 30 attendees and a booking holds at most 30. Add at most 0 guests.');
  });
});

describe('bookings.updateLocation', () => {
  it.each([
    [{ type: 'link', link: 'https://meet.example.com/abc' }, 'https://meet.example.com/abc'],
    [{ type: 'address', address: 'Via Roma 1, Torino' }, 'Via Roma 1, Torino'],
    [{ type: 'phone', phone: '+393331234567' }, '+393331234567'],
    [{ type: 'attendeeDefined', location: 'Their office' }, 'Their office'],
    [{ type: 'integration', integration: 'google-meet' }, 'integrations:google:meet'],
  ] as const)('sets %j', async (location, expected) => {
    const client = createTestClient();
    const { uid } = seeded(UPCOMING_START);
    const { booking } = await client.bookings.updateLocation(uid, { location });
    expect(booking.location).toBe(expected);
    expect(sentRequests()[0]).toEqual({
      method: 'PATCH',
      path: `/v2/bookings/${uid}/location`,
      query: {},
      version: V,
      body: { location },
    });
  });

  it('reads the booking back after a lost answer', async () => {
    const client = createTestClient();
    const { uid } = seeded(UPCOMING_START);
    simulator().faults.add({
      method: 'PATCH',
      path: `/v2/bookings/${uid}/location`,
      fault: { type: 'commit-then-fail', outcome: 'server-error' },
    });
    const result = await client.bookings.updateLocation(uid, {
      location: { type: 'link', link: 'https://x.example.com/1' },
    });
    expect(result).toMatchObject({ booking: { location: 'https://x.example.com/1' }, verifiedByReadBack: true });
  });

  it('sends an integration again after a lost answer, since its location text cannot be read back', async () => {
    const client = createTestClient();
    const { uid } = seeded(UPCOMING_START);
    simulator().faults.add({
      method: 'PATCH',
      path: `/v2/bookings/${uid}/location`,
      fault: { type: 'commit-then-fail', outcome: 'server-error' },
      times: 1,
    });
    const result = await client.bookings.updateLocation(uid, {
      location: { type: 'integration', integration: 'zoom' },
    });
    expect(result).toMatchObject({ booking: { location: 'integrations:zoom' }, verifiedByReadBack: false });
    expect(calls()).toEqual([`PATCH /v2/bookings/${uid}/location`, `PATCH /v2/bookings/${uid}/location`]);
  });

  it('says how to check when the location cannot be confirmed', async () => {
    const client = createTestClient();
    const { uid } = seeded(UPCOMING_START);
    server.use(http.patch(`${TEST_BASE_URL}/bookings/${uid}/location`, () => new HttpResponse(null, { status: 200 })));
    const error = await client.bookings
      .updateLocation(uid, { location: { type: 'link', link: 'https://x.example.com/1' } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComUnknownOutcomeError);
  });

  it.each([
    [{}, 'location: expected an object'],
    [
      { location: { type: 'teleport' } },
      'location.type: "teleport" is not a location type. Use one of address, attendeeAddress',
    ],
    [
      { location: { type: 'link', link: 'meet.example.com' } },
      'location.link: "meet.example.com" is not an http(s) URL',
    ],
    [{ location: { type: 'link', url: 'https://x.example.com' } }, 'location.url'],
    [{ location: { type: 'phone', phone: '555' } }, 'location.phone'],
    [
      { location: { type: 'integration', integration: 'skype' } },
      'location.integration: "skype" is not an integration Cal.com takes. Use one of cal-video, google-meet',
    ],
    [{ location: { type: 'address', address: '' } }, 'location.address'],
    [{ location: { type: 'link', link: 'https://x.example.com' }, notify: true }, 'notify'],
  ])('refuses %j before sending', async (input, expected) => {
    const client = createTestClient();
    expect(await refusal(client.bookings.updateLocation(seeded(UPCOMING_START).uid, input as never))).toContain(
      expected,
    );
  });
});

describe('bookings.markAbsent', () => {
  it('marks the host and an attendee of a past booking, shown in the booking', async () => {
    const client = createTestClient();
    const past = seeded(PAST_START);
    const email = past.attendees[0]?.email ?? '';
    const { booking } = await client.bookings.markAbsent(past.uid, {
      host: true,
      attendees: [{ email: email.toUpperCase(), absent: true }],
    });
    expect(booking.absentHost).toBe(true);
    expect(booking.attendees[0]?.absent).toBe(true);
    expect(sentRequests()[1]?.body).toEqual({ host: true, attendees: [{ email, absent: true }] });
    const cleared = await client.bookings.markAbsent(past.uid, { host: false });
    expect(cleared.booking.absentHost).toBeUndefined();
  });

  it('reads the booking back after a lost answer', async () => {
    const client = createTestClient();
    const past = seeded(PAST_START);
    simulator().faults.add({
      method: 'POST',
      path: `/v2/bookings/${past.uid}/mark-absent`,
      fault: { type: 'commit-then-fail', outcome: 'server-error' },
    });
    const result = await client.bookings.markAbsent(past.uid, { host: true });
    expect(result).toMatchObject({ booking: { absentHost: true }, verifiedByReadBack: true });
  });

  it('says how to check when the absences cannot be confirmed', async () => {
    const client = createTestClient();
    const past = seeded(PAST_START);
    server.use(
      http.post(`${TEST_BASE_URL}/bookings/${past.uid}/mark-absent`, () => HttpResponse.json(success({ nope: 1 }))),
    );
    const error = await client.bookings.markAbsent(past.uid, { host: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComUnknownOutcomeError);
    expect((error as CalComUnknownOutcomeError).check?.operation).toBe('bookings.get');
  });

  it.each([
    [{}, 'input: names nobody. Pass host: true'],
    [{ host: 'yes' }, 'host: expected true or false, got "yes"'],
    [{ attendees: 'all' }, 'attendees: expected an array'],
    [
      { attendees: [{ email: 'nobody@example.com', absent: true }] },
      'attendees.0.email: nobody@example.com is not an attendee of booking',
    ],
    [{ attendees: [{ email: 'x', absent: true }] }, 'attendees.0.email'],
    [{ attendees: [{ email: 'ATTENDEE', absent: 'yes' }] }, 'attendees.0.absent: expected true or false'],
    [{ attendees: [{ email: 'ATTENDEE', absent: true, note: 'late' }] }, 'attendees.0.note'],
    [{ attendees: [] }, 'names nobody'],
  ])('refuses %j before sending', async (input, expected) => {
    const client = createTestClient();
    const past = seeded(PAST_START);
    const email = past.attendees[0]?.email ?? '';
    const patched = JSON.parse(JSON.stringify(input).replace('ATTENDEE', email));
    expect(await refusal(client.bookings.markAbsent(past.uid, patched))).toContain(expected);
  });

  it('refuses a booking that has not started and a cancelled one', async () => {
    const client = createTestClient();
    const upcoming = seeded(UPCOMING_START);
    expect(await refusal(client.bookings.markAbsent(upcoming.uid, { host: true }))).toContain(
      `uid: booking ${upcoming.uid} starts at ${UPCOMING_START} and has not started yet. Mark no-shows once the meeting has started.`,
    );
    const cancelled = simulator().state.bookings.find((candidate) => candidate.status === 'cancelled');
    expect(await refusal(client.bookings.markAbsent(cancelled?.uid ?? '', { host: true }))).toContain('is cancelled');
  });
});

describe('bookings.calendarLinks', () => {
  it('returns the add-to-calendar links', async () => {
    const client = createTestClient();
    const links = await client.bookings.calendarLinks(seeded(UPCOMING_START).uid);
    expect(links.map((link) => link.label)).toEqual([
      'Google Calendar',
      'Microsoft Office',
      'Microsoft Outlook',
      'ICS',
    ]);
    expect(links[0]?.link).toContain('dates=20260602T080000Z/20260602T083000Z');
  });
});

describe('conferencing', () => {
  it('lists the apps and gets the default, without a version header', async () => {
    const client = createTestClient();
    expect(await client.conferencing.list()).toEqual([
      { id: 8001, type: 'google_video', userId: 1001, invalid: false },
      { id: 8002, type: 'zoom_video', userId: 1001, invalid: true },
    ]);
    expect(await client.conferencing.getDefault()).toEqual({ appSlug: 'google-meet', appLink: null });
    expect(sentRequests().map((request) => [request.path, request.version])).toEqual([
      ['/v2/conferencing', undefined],
      ['/v2/conferencing/default', undefined],
    ]);
  });

  it('reads a default answer without data as no default', async () => {
    const client = createTestClient();
    server.use(http.get(`${TEST_BASE_URL}/conferencing/default`, () => HttpResponse.json({ status: 'success' })));
    expect(await client.conferencing.getDefault()).toEqual({ appSlug: null, appLink: null });
  });
});
