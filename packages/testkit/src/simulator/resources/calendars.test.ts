import { describe, expect, it } from 'vitest';
import { callSimulator } from '../../../test/support/call-simulator';
import { TEST_NOW } from '../../constants';
import { createCalComSimulator } from '../create-simulator';
import { SECOND_API_KEY } from '../seed';

const GOOGLE = 'calendarsToLoad[0][credentialId]=4001&calendarsToLoad[0][externalId]=ada%40example.com';
const OUTLOOK = 'calendarsToLoad[1][credentialId]=4002&calendarsToLoad[1][externalId]=ada%40work.example.com';

function simulator() {
  return createCalComSimulator({ now: () => new Date(TEST_NOW) });
}

async function busyTimes(query: string, sim = simulator(), key?: string) {
  return callSimulator(sim, 'GET', `/v2/calendars/busy-times?${query}`, key === undefined ? {} : { key });
}

describe('calendars', () => {
  it('lists the connected calendar accounts and the destination calendar', async () => {
    const response = await callSimulator(simulator(), 'GET', '/v2/calendars');
    expect(response.status).toBe(200);
    const data = (response.json as { data: Record<string, unknown> }).data as {
      connectedCalendars: {
        credentialId: number;
        integration: { type: string };
        calendars: { externalId: string }[];
      }[];
      destinationCalendar: { id: number; externalId: string; credentialId: number };
    };
    expect(
      data.connectedCalendars.map((account) => [
        account.credentialId,
        account.integration.type,
        account.calendars.map((calendar) => calendar.externalId),
      ]),
    ).toEqual([
      [4001, 'google_calendar', ['ada@example.com', 'family-ada@group.calendar.google.com']],
      [4002, 'office365_calendar', ['ada@work.example.com']],
    ]);
    expect(data.destinationCalendar).toMatchObject({ id: 7001, externalId: 'ada@example.com', credentialId: 4001 });
  });

  it("answers busy times of the requested calendars in Cal.com's wide window, accepted bookings included", async () => {
    const response = await busyTimes(
      `timeZone=Europe%2FBerlin&dateFrom=2026-06-02&dateTo=2026-06-03&${GOOGLE}&${OUTLOOK}`,
    );
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      status: 'success',
      data: [
        // The accepted booking on Tuesday 10:00 Berlin, written to the destination calendar.
        { start: '2026-06-02T08:00:00.000Z', end: '2026-06-02T08:30:00.000Z', source: 'google-calendar' },
        { start: '2026-06-02T10:00:00.000Z', end: '2026-06-02T11:00:00.000Z', source: 'google-calendar' },
        { start: '2026-06-02T10:30:00.000Z', end: '2026-06-02T11:30:00.000Z', source: 'office365-calendar' },
        { start: '2026-06-02T14:00:00.000Z', end: '2026-06-02T15:00:00.000Z', source: 'office365-calendar' },
        { start: '2026-06-03T06:00:00.000Z', end: '2026-06-03T07:30:00.000Z', source: 'google-calendar' },
        // After dateTo: Cal.com asks the providers up to the end of dateTo's month and does not cut.
        { start: '2026-06-04T09:00:00.000Z', end: '2026-06-04T09:30:00.000Z', source: 'google-calendar' },
      ],
    });
  });

  it('reads an unselected calendar when asked, accepts the deprecated loggedInUsersTz, and follows new bookings', async () => {
    const sim = simulator();
    const family =
      'calendarsToLoad[0][credentialId]=4001&calendarsToLoad[0][externalId]=family-ada%40group.calendar.google.com';
    expect(
      (await busyTimes(`loggedInUsersTz=Europe%2FBerlin&dateFrom=2026-06-03&dateTo=2026-06-03&${family}`, sim)).json,
    ).toEqual({
      status: 'success',
      data: [{ start: '2026-06-03T16:00:00.000Z', end: '2026-06-03T18:00:00.000Z', source: 'google-calendar' }],
    });
    const uid = sim.state.bookings.find((booking) => booking.start === '2026-06-02T08:00:00.000Z')?.uid;
    const cancel = await callSimulator(sim, 'POST', `/v2/bookings/${uid}/cancel`, {
      version: '2024-08-13',
      body: { cancellationReason: 'No longer needed' },
    });
    expect(cancel.status).toBe(200);
    const after = await busyTimes(`timeZone=UTC&dateFrom=2026-06-02&dateTo=2026-06-02&${GOOGLE}`, sim);
    expect((after.json as { data: { start: string }[] }).data.map((busy) => busy.start)).toEqual([
      '2026-06-02T10:00:00.000Z',
      '2026-06-03T06:00:00.000Z',
      '2026-06-04T09:00:00.000Z',
    ]);
  });

  it('refuses credentials of another user with 401', async () => {
    const response = await busyTimes(
      'timeZone=UTC&dateFrom=2026-06-02&dateTo=2026-06-02&calendarsToLoad[0][credentialId]=4001&calendarsToLoad[0][externalId]=ada%40example.com',
      simulator(),
      SECOND_API_KEY,
    );
    expect(response.status).toBe(401);
    expect(response.json).toMatchObject({
      status: 'error',
      error: { code: 'UnauthorizedException', message: 'These credentials do not belong to you' },
    });
  });

  it('refuses a query without calendars, time zone or dates, naming each parameter', async () => {
    const response = await busyTimes('credentialId=4001&externalId=ada%40example.com');
    expect(response.status).toBe(400);
    const errors = (response.json as { error: { details: { errors: { property: string; constraints: object }[] } } })
      .error.details.errors;
    expect(errors.map((issue) => [issue.property, Object.values(issue.constraints)[0]])).toEqual([
      [
        'credentialId',
        'property credentialId should not exist: list each calendar as calendarsToLoad[<n>][credentialId] and calendarsToLoad[<n>][externalId]',
      ],
      [
        'externalId',
        'property externalId should not exist: list each calendar as calendarsToLoad[<n>][credentialId] and calendarsToLoad[<n>][externalId]',
      ],
      ['calendarsToLoad', 'calendarsToLoad must be an array'],
      ['timeZone', 'Either timeZone or loggedInUsersTz must be provided'],
      ['dateFrom', 'dateFrom should not be null or undefined'],
      ['dateTo', 'dateTo should not be null or undefined'],
    ]);
  });

  it('refuses a malformed credential id, date and time zone', async () => {
    const response = await busyTimes(
      'timeZone=Mars%2FOlympus&dateFrom=June&dateTo=2026-06-02&calendarsToLoad[0][credentialId]=abc&calendarsToLoad[0][externalId]=x',
    );
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.json)).toContain(
      'credentialId must be a number conforming to the specified constraints',
    );
    expect(JSON.stringify(response.json)).toContain('dateFrom must be a valid ISO 8601 date string');
    expect(JSON.stringify(response.json)).toContain('timeZone must be a valid IANA time zone, e.g. Europe/Berlin');
  });

  it('needs an API key', async () => {
    expect((await callSimulator(simulator(), 'GET', '/v2/calendars', { key: null })).status).toBe(401);
  });
});
