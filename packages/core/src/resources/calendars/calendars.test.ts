import { buildConnectedCalendar, buildDestinationCalendar, success } from '@calcom-int/testkit/fixtures';
import { server } from '@calcom-int/testkit/vitest';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { contractFailures, createTestClient, sentRequests } from '../../../test/support/test-client';
import { CalComValidationError } from '../../errors/validation-error';
import { mergeBusyTimes } from '../../models/calendar';

const GOOGLE = {
  credentialId: 4001,
  externalId: 'ada@example.com',
  name: 'ada@example.com',
  integration: 'google_calendar',
  integrationTitle: 'Google Calendar',
  primary: true,
  checkedForConflicts: true,
  destination: true,
  readOnly: false,
};
const FAMILY = {
  ...GOOGLE,
  externalId: 'family-ada@group.calendar.google.com',
  name: 'Family',
  primary: false,
  checkedForConflicts: false,
  destination: false,
  readOnly: true,
};
const OUTLOOK = {
  credentialId: 4002,
  externalId: 'ada@work.example.com',
  name: 'ada@work.example.com',
  integration: 'office365_calendar',
  integrationTitle: 'Outlook Calendar',
  primary: true,
  checkedForConflicts: true,
  destination: false,
  readOnly: false,
};

describe('calendars.list', () => {
  it('lists every calendar of every connected account, marking the checked and the destination ones', async () => {
    const client = createTestClient();
    expect(await client.calendars.list()).toEqual([GOOGLE, FAMILY, OUTLOOK]);
    expect(sentRequests()).toEqual([
      { method: 'GET', path: '/v2/calendars', query: {}, version: undefined, body: undefined },
    ]);
  });
});

describe('calendars.busyTimes', () => {
  it('reads the checked and destination calendars, keeps what overlaps the range and merges it', async () => {
    const client = createTestClient();
    const result = await client.calendars.busyTimes({ start: '2026-06-02T00:00:00Z', end: '2026-06-03T00:00:00Z' });
    expect(result).toEqual({
      start: '2026-06-02T00:00:00.000Z',
      end: '2026-06-03T00:00:00.000Z',
      calendars: [GOOGLE, OUTLOOK],
      busy: [
        { start: '2026-06-02T08:00:00.000Z', end: '2026-06-02T08:30:00.000Z', source: 'google-calendar' },
        { start: '2026-06-02T10:00:00.000Z', end: '2026-06-02T11:00:00.000Z', source: 'google-calendar' },
        { start: '2026-06-02T10:30:00.000Z', end: '2026-06-02T11:30:00.000Z', source: 'office365-calendar' },
        { start: '2026-06-02T14:00:00.000Z', end: '2026-06-02T15:00:00.000Z', source: 'office365-calendar' },
      ],
      merged: [
        { start: '2026-06-02T08:00:00.000Z', end: '2026-06-02T08:30:00.000Z' },
        { start: '2026-06-02T10:00:00.000Z', end: '2026-06-02T11:30:00.000Z' },
        { start: '2026-06-02T14:00:00.000Z', end: '2026-06-02T15:00:00.000Z' },
      ],
    });
    expect(sentRequests()[1]).toEqual({
      method: 'GET',
      path: '/v2/calendars/busy-times',
      query: {
        timeZone: 'UTC',
        dateFrom: '2026-06-02',
        dateTo: '2026-06-03',
        'calendarsToLoad[0][credentialId]': '4001',
        'calendarsToLoad[0][externalId]': 'ada@example.com',
        'calendarsToLoad[1][credentialId]': '4002',
        'calendarsToLoad[1][externalId]': 'ada@work.example.com',
      },
      version: undefined,
      body: undefined,
    });
    expect(contractFailures()).toEqual([]);
  });

  it('reads the calendars named, once each, and cuts busy times to the range', async () => {
    const client = createTestClient();
    const family = { credentialId: 4001, externalId: 'family-ada@group.calendar.google.com' };
    const result = await client.calendars.busyTimes({
      start: new Date('2026-06-03T17:00:00Z'),
      end: '2026-06-03T22:00:00+02:00',
      calendars: [family, family],
    });
    expect(result.calendars).toEqual([FAMILY]);
    expect(result.busy).toEqual([
      { start: '2026-06-03T16:00:00.000Z', end: '2026-06-03T18:00:00.000Z', source: 'google-calendar' },
    ]);
    expect(result.merged).toEqual([{ start: '2026-06-03T17:00:00.000Z', end: '2026-06-03T18:00:00.000Z' }]);
  });

  it('asks for at most 20 calendars a request', async () => {
    const calendars = Array.from({ length: 21 }, (_, index) => ({ externalId: `c${index}@example.com` }));
    const queries: number[] = [];
    server.use(
      http.get('https://api.cal.com/v2/calendars', () =>
        HttpResponse.json(
          success({
            connectedCalendars: [buildConnectedCalendar({ calendars })],
            destinationCalendar: buildDestinationCalendar(),
          }),
        ),
      ),
      http.get('https://api.cal.com/v2/calendars/busy-times', ({ request }) => {
        const keys = [...new URL(request.url).searchParams.keys()];
        queries.push(keys.filter((key) => key.endsWith('[externalId]')).length);
        return HttpResponse.json(success([]));
      }),
    );
    const result = await createTestClient().calendars.busyTimes({
      start: '2026-06-02T00:00:00Z',
      end: '2026-06-02T12:00:00Z',
    });
    expect(queries).toEqual([20, 1]);
    expect(result.calendars).toHaveLength(21);
    expect(result.merged).toEqual([]);
  });

  it('answers no calendars and no busy times when no calendar is connected', async () => {
    server.use(
      http.get('https://api.cal.com/v2/calendars', () =>
        HttpResponse.json(success({ connectedCalendars: [], destinationCalendar: null })),
      ),
    );
    const result = await createTestClient().calendars.busyTimes({
      start: '2026-06-02T00:00:00Z',
      end: '2026-06-03T00:00:00Z',
    });
    expect(result).toEqual({
      start: '2026-06-02T00:00:00.000Z',
      end: '2026-06-03T00:00:00.000Z',
      calendars: [],
      busy: [],
      merged: [],
    });
    expect(sentRequests().map((request) => request.path)).toEqual([]);
  });

  it('refuses a calendar that is not connected, naming the connected ones', async () => {
    const client = createTestClient();
    const error = await client.calendars
      .busyTimes({
        start: '2026-06-02T00:00:00Z',
        end: '2026-06-03T00:00:00Z',
        calendars: [{ credentialId: 4001, externalId: 'nope@example.com' }],
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComValidationError);
    expect((error as Error).message).toBe(
      'Invalid calendars.0: calendar 4001/nope@example.com is not one of your connected calendars (connected: ' +
        '4001/ada@example.com, 4001/family-ada@group.calendar.google.com, 4002/ada@work.example.com). Pick a ' +
        'credentialId and externalId from cal.calendars.list(). Nothing was sent to Cal.com.',
    );
    expect(sentRequests().map((request) => request.path)).toEqual(['/v2/calendars']);
  });

  it.each([
    [{ start: 'tomorrow', end: '2026-06-03T00:00:00Z' }, 'Invalid start:'],
    [{ start: '2026-06-03T00:00:00Z', end: '2026-06-02T00:00:00Z' }, 'Invalid end:'],
    [{ start: '2026-06-01T00:00:00Z', end: '2026-09-01T00:00:00Z' }, 'Invalid end:'],
    [{ start: '2026-06-02T00:00:00Z', end: '2026-06-03T00:00:00Z', calendars: 'all' }, 'Invalid calendars:'],
    [
      { start: '2026-06-02T00:00:00Z', end: '2026-06-03T00:00:00Z', calendars: [{ credentialId: 0, externalId: 'x' }] },
      'Invalid calendars.0.credentialId:',
    ],
    [
      {
        start: '2026-06-02T00:00:00Z',
        end: '2026-06-03T00:00:00Z',
        calendars: [{ credentialId: 4001, externalId: '' }],
      },
      'Invalid calendars.0.externalId: Expected a calendar id (externalId), got an empty string. Copy it from cal.calendars.list().',
    ],
    [undefined, 'Invalid params: expected an object, got undefined. Pass { start, end }.'],
  ])('refuses bad input before sending anything (%j)', async (params, message) => {
    const client = createTestClient();
    const error = await client.calendars
      .busyTimes(params as unknown as Parameters<typeof client.calendars.busyTimes>[0])
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComValidationError);
    expect((error as Error).message).toContain(message);
    expect(sentRequests()).toEqual([]);
  });
});

describe('mergeBusyTimes', () => {
  it('merges overlapping and touching intervals, drops what lies outside the range', () => {
    expect(
      mergeBusyTimes(
        [
          { start: '2026-06-02T12:00:00Z', end: '2026-06-02T13:00:00Z' },
          { start: '2026-06-02T09:00:00Z', end: '2026-06-02T10:00:00Z' },
          { start: '2026-06-02T10:00:00Z', end: '2026-06-02T10:30:00Z' },
          { start: '2026-06-02T09:15:00Z', end: '2026-06-02T09:45:00Z' },
          { start: '2026-06-01T09:00:00Z', end: '2026-06-01T10:00:00Z' },
        ],
        { start: '2026-06-02T09:30:00Z', end: '2026-06-02T12:30:00Z' },
      ),
    ).toEqual([
      { start: '2026-06-02T09:30:00.000Z', end: '2026-06-02T10:30:00.000Z' },
      { start: '2026-06-02T12:00:00.000Z', end: '2026-06-02T12:30:00.000Z' },
    ]);
  });
});
