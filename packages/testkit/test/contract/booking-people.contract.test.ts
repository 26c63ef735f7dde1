import { describe, expect, it } from 'vitest';
import type { BookingOutput } from '../../src/index';
import { SECOND_API_KEY } from '../../src/simulator/seed';
import { CONTRACT_NOW, createContractHarness, dataOf, expectGroupCovered, VERSIONS } from './simulator-harness';

interface AttendeeWithId {
  id: number;
  name: string;
  email: string;
  absent: boolean;
  bookingId?: number;
}

describe('simulator booking attendees, guests, location, mark-absent and calendar links against the contract', () => {
  const harness = createContractHarness();
  const version = VERSIONS.bookings;
  const seeded = harness.simulator.state.bookings;
  const upcoming = seeded.find((booking) => booking.status === 'accepted' && booking.eventTypeId === 3002);
  const past = seeded.find((booking) => Date.parse(booking.end) < CONTRACT_NOW.getTime());
  const cancelled = seeded.find((booking) => booking.status === 'cancelled');
  const uid = upcoming?.uid ?? '';
  const pastUid = past?.uid ?? '';

  it('GET attendees lists them with ids; GET attendees/{id} returns one', async () => {
    const list = dataOf<AttendeeWithId[]>(
      await harness.expectValid({ method: 'GET', path: `/v2/bookings/${uid}/attendees`, version }, 200),
    );
    expect(list).toEqual([
      expect.objectContaining({
        id: (upcoming?.id ?? 0) * 1000 + 1,
        email: upcoming?.attendees[0]?.email,
        absent: false,
      }),
    ]);
    const one = dataOf<AttendeeWithId>(
      await harness.expectValid({ method: 'GET', path: `/v2/bookings/${uid}/attendees/${list[0]?.id}`, version }, 200),
    );
    expect(one).toEqual(list[0]);
  });

  it('GET attendees/{id} answers 404 for an unknown id and 400 for a non-numeric one', async () => {
    expect((await harness.send({ method: 'GET', path: `/v2/bookings/${uid}/attendees/999`, version })).status).toBe(
      404,
    );
    const bad = await harness.send({ method: 'GET', path: `/v2/bookings/${uid}/attendees/abc`, version });
    expect(bad.status).toBe(400);
    expect(bad.response.errors).toEqual([]);
  });

  it('POST attendees adds one (201), read back through GET /v2/bookings/{uid}; a repeat is refused', async () => {
    const body = { name: 'Bo Chen', email: 'bo@example.com', timeZone: 'Asia/Tokyo', language: 'ja' };
    const added = dataOf<AttendeeWithId>(
      await harness.expectValid({ method: 'POST', path: `/v2/bookings/${uid}/attendees`, version, body }, 201),
    );
    expect(added).toMatchObject({ name: 'Bo Chen', email: 'bo@example.com', bookingId: upcoming?.id, absent: false });
    const booking = dataOf<BookingOutput>(
      await harness.expectValid({ method: 'GET', path: `/v2/bookings/${uid}`, version }, 200),
    );
    expect(booking.attendees.map((attendee) => attendee.email)).toContain('bo@example.com');
    const again = await harness.send({ method: 'POST', path: `/v2/bookings/${uid}/attendees`, version, body });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({
      error: { message: `Attendee with email bo@example.com is already part of booking ${uid}` },
    });
  });

  it('POST attendees without a time zone is refused with a 400 naming it', async () => {
    const exchange = await harness.send({
      method: 'POST',
      path: `/v2/bookings/${uid}/attendees`,
      version,
      body: { name: 'No Zone', email: 'nz@example.com' },
    });
    expect(exchange.status).toBe(400);
    expect(JSON.stringify(exchange.body)).toContain('timeZone should not be null or undefined');
  });

  it('POST guests adds attendees (200 with the booking); all-duplicates and more than 10 are refused', async () => {
    const booking = dataOf<BookingOutput>(
      await harness.expectValid(
        {
          method: 'POST',
          path: `/v2/bookings/${uid}/guests`,
          version,
          body: { guests: [{ email: 'cy@example.com', name: 'Cy' }, { email: 'di@example.com' }] },
        },
        200,
      ),
    );
    expect(booking.attendees.slice(-2)).toEqual([
      expect.objectContaining({ email: 'cy@example.com', name: 'Cy', timeZone: 'Europe/Berlin' }),
      expect.objectContaining({ email: 'di@example.com', name: '' }),
    ]);
    const duplicate = await harness.send({
      method: 'POST',
      path: `/v2/bookings/${uid}/guests`,
      version,
      body: { guests: [{ email: 'cy@example.com' }] },
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body).toMatchObject({ error: { message: 'emails_must_be_unique_valid' } });
    const many = await harness.send({
      method: 'POST',
      path: `/v2/bookings/${uid}/guests`,
      version,
      body: { guests: Array.from({ length: 11 }, (_, index) => ({ email: `g${index}@example.com` })) },
    });
    expect(many.status).toBe(400);
    expect(many.body).toMatchObject({ error: { message: 'guests must contain no more than 10 elements' } });
  });

  it('POST guests beyond 30 attendees in all is refused with how many may still be added', async () => {
    const emails = (count: number, from: number) =>
      Array.from({ length: count }, (_, index) => ({ email: `bulk${from + index}@example.com` }));
    // The booking has 4 attendees now; 10 + 10 + 6 make 30.
    for (const [count, from] of [
      [10, 0],
      [10, 10],
      [6, 20],
    ] as const) {
      expect(
        (
          await harness.send({
            method: 'POST',
            path: `/v2/bookings/${uid}/guests`,
            version,
            body: { guests: emails(count, from) },
          })
        ).status,
      ).toBe(200);
    }
    const over = await harness.send({
      method: 'POST',
      path: `/v2/bookings/${uid}/guests`,
      version,
      body: { guests: emails(1, 40) },
    });
    expect(over.status).toBe(400);
    expect(over.body).toMatchObject({
      error: {
        message:
          'Cannot add 1 guests. This booking already has 30 attendees. Maximum total guests allowed is 30. You can add up to 0 more guests.',
      },
    });
  });

  it('PATCH location sets a link, an address or an integration; a bad type or integration is a 400', async () => {
    const link = dataOf<BookingOutput>(
      await harness.expectValid(
        {
          method: 'PATCH',
          path: `/v2/bookings/${uid}/location`,
          version,
          body: { location: { type: 'link', link: 'https://meet.example.com/abc' } },
        },
        200,
      ),
    );
    expect(link.location).toBe('https://meet.example.com/abc');
    const integration = dataOf<BookingOutput>(
      await harness.expectValid(
        {
          method: 'PATCH',
          path: `/v2/bookings/${uid}/location`,
          version,
          body: { location: { type: 'integration', integration: 'cal-video' } },
        },
        200,
      ),
    );
    expect(integration.location).toBe('integrations:daily');
    const read = dataOf<BookingOutput>(
      await harness.expectValid({ method: 'GET', path: `/v2/bookings/${uid}`, version }, 200),
    );
    expect(read.location).toBe('integrations:daily');
    const badType = await harness.send({
      method: 'PATCH',
      path: `/v2/bookings/${uid}/location`,
      version,
      body: { location: { type: 'teleport', link: 'x' } },
    });
    expect(badType.status).toBe(400);
    const badApp = await harness.send({
      method: 'PATCH',
      path: `/v2/bookings/${uid}/location`,
      version,
      body: { location: { type: 'integration', integration: 'carrier-pigeon' } },
    });
    expect(badApp.status).toBe(400);
    expect(JSON.stringify(badApp.body)).toContain(
      'location.integration must be one of the following values: cal-video',
    );
  });

  it('POST mark-absent marks the host and an attendee of a past booking, read back through GET', async () => {
    const email = past?.attendees[0]?.email ?? '';
    const marked = dataOf<BookingOutput>(
      await harness.expectValid(
        {
          method: 'POST',
          path: `/v2/bookings/${pastUid}/mark-absent`,
          version,
          body: { host: true, attendees: [{ email, absent: true }] },
        },
        200,
      ),
    );
    expect(marked.absentHost).toBe(true);
    expect(marked.attendees[0]?.absent).toBe(true);
    const read = dataOf<BookingOutput>(
      await harness.expectValid({ method: 'GET', path: `/v2/bookings/${pastUid}`, version }, 200),
    );
    expect({ host: read.absentHost, attendee: read.attendees[0]?.absent }).toEqual({ host: true, attendee: true });
  });

  it('POST mark-absent refuses a booking that has not started, a cancelled one, an unknown email and an empty body', async () => {
    const refusals = [
      [uid, { host: true }, `Booking with uid=${uid} has not started yet; cannot mark absences.`],
      [cancelled?.uid ?? '', { host: true }, `Booking with uid=${cancelled?.uid} is cancelled; cannot mark absences.`],
      [
        pastUid,
        { attendees: [{ email: 'nobody@example.com', absent: true }] },
        `Attendee with email nobody@example.com is not part of booking ${pastUid}`,
      ],
      [pastUid, {}, 'Provide host and/or attendees to mark absent'],
    ] as const;
    for (const [target, body, message] of refusals) {
      const exchange = await harness.send({
        method: 'POST',
        path: `/v2/bookings/${target}/mark-absent`,
        version,
        body,
      });
      expect({ status: exchange.status, body: exchange.body }).toMatchObject({
        status: 400,
        body: { error: { message } },
      });
    }
  });

  it('refuses a location that is not an object or has no value, and changes to a cancelled booking', async () => {
    const cancelledUid = cancelled?.uid ?? '';
    const cases = [
      [uid, 'PATCH', 'location', { location: 'https://x.example.com' }, 'location must be an object with a type'],
      [uid, 'PATCH', 'location', { location: { type: 'link', link: ' ' } }, 'location.link must be a non-empty string'],
      [
        cancelledUid,
        'PATCH',
        'location',
        { location: { type: 'link', link: 'https://x.example.com' } },
        'cannot change the location',
      ],
      [
        cancelledUid,
        'POST',
        'attendees',
        { name: 'A', email: 'a@example.com', timeZone: 'UTC' },
        'cannot add attendees',
      ],
      [cancelledUid, 'POST', 'guests', { guests: [{ email: 'a@example.com' }] }, 'cannot add guests'],
      [uid, 'POST', 'guests', { guests: [] }, 'guests must contain at least 1 elements'],
    ] as const;
    for (const [target, method, tail, body, message] of cases) {
      const exchange = await harness.send({ method, path: `/v2/bookings/${target}/${tail}`, version, body });
      expect({ status: exchange.status, message: JSON.stringify(exchange.body) }).toMatchObject({ status: 400 });
      expect(JSON.stringify(exchange.body)).toContain(message);
    }
  });

  it('GET calendar-links answers Google, Office, Outlook and ICS links', async () => {
    const links = dataOf<{ label: string; link: string }[]>(
      await harness.expectValid({ method: 'GET', path: `/v2/bookings/${pastUid}/calendar-links`, version }, 200),
    );
    expect(links.map((link) => link.label)).toEqual([
      'Google Calendar',
      'Microsoft Office',
      'Microsoft Outlook',
      'ICS',
    ]);
    expect(links[0]?.link).toMatch(
      /^https:\/\/calendar\.google\.com\/calendar\/r\/eventedit\?dates=\d{8}T\d{6}Z\/\d{8}T\d{6}Z&/,
    );
    expect(links[3]?.link.startsWith('data:text/calendar,BEGIN%3AVCALENDAR')).toBe(true);
    expectGroupCovered(harness, 'bookingPeople');
  });

  it('answers another host 403, an unknown uid 404, no key 401 and no version header 404', async () => {
    const other = await harness.send({
      method: 'GET',
      path: `/v2/bookings/${uid}/attendees`,
      version,
      key: SECOND_API_KEY,
    });
    expect(other.status).toBe(403);
    expect((await harness.send({ method: 'GET', path: '/v2/bookings/nope/calendar-links', version })).status).toBe(404);
    expect(
      (await harness.send({ method: 'GET', path: `/v2/bookings/${uid}/attendees`, version, key: null })).status,
    ).toBe(401);
    expect((await harness.send({ method: 'PATCH', path: `/v2/bookings/${uid}/location`, body: {} })).status).toBe(404);
  });
});

describe('simulator /v2/conferencing against the contract', () => {
  const harness = createContractHarness();

  it('GET /v2/conferencing lists the installed apps and GET /v2/conferencing/default the default', async () => {
    const apps = dataOf<unknown[]>(await harness.expectValid({ method: 'GET', path: '/v2/conferencing' }, 200));
    expect(apps).toEqual([
      { id: 8001, type: 'google_video', userId: 1001, invalid: false },
      { id: 8002, type: 'zoom_video', userId: 1001, invalid: true },
    ]);
    expect(dataOf(await harness.expectValid({ method: 'GET', path: '/v2/conferencing/default' }, 200))).toEqual({
      appSlug: 'google-meet',
    });
    expectGroupCovered(harness, 'conferencing');
  });

  it('answers a user without apps an empty list and Cal Video as the default; no key is a 401', async () => {
    expect(
      dataOf(await harness.expectValid({ method: 'GET', path: '/v2/conferencing', key: SECOND_API_KEY }, 200)),
    ).toEqual([]);
    expect(
      dataOf(await harness.expectValid({ method: 'GET', path: '/v2/conferencing/default', key: SECOND_API_KEY }, 200)),
    ).toEqual({ appSlug: 'daily-video' });
    expect((await harness.send({ method: 'GET', path: '/v2/conferencing', key: null })).status).toBe(401);
  });
});
