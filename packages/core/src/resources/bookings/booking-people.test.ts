import { server, simulator, TEST_BASE_URL } from '@calcom-int/testkit/vitest';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { calls, refusal, seeded, UPCOMING_START, V } from '../../../test/support/booking-people';
import { createTestClient, sentRequests } from '../../../test/support/test-client';
import { CalComUnknownOutcomeError } from '../../errors/unknown-outcome-error';

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
