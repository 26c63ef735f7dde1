import { describe, expect, it } from 'vitest';
import type { BusyTimeOutput, ConnectedCalendarsOutput } from '../../src/index';
import { createContractHarness, dataOf, expectGroupCovered, validator } from './simulator-harness';

const GOOGLE = 'calendarsToLoad[0][credentialId]=4001&calendarsToLoad[0][externalId]=ada%40example.com';
const OUTLOOK = 'calendarsToLoad[1][credentialId]=4002&calendarsToLoad[1][externalId]=ada%40work.example.com';

describe('simulator /v2/calendars against the contract', () => {
  const harness = createContractHarness();

  it('GET /v2/calendars lists the connected calendars and the destination calendar', async () => {
    const data = dataOf<ConnectedCalendarsOutput>(
      await harness.expectValid({ method: 'GET', path: '/v2/calendars' }, 200),
    );
    expect(data.connectedCalendars.map((account) => account.credentialId)).toEqual([4001, 4002]);
    expect(data.destinationCalendar.id).toBe(7001);
  });

  it('GET /v2/calendars/busy-times answers the busy times of indexed calendarsToLoad keys', async () => {
    const busy = dataOf<BusyTimeOutput[]>(
      await harness.expectValid(
        {
          method: 'GET',
          path: `/v2/calendars/busy-times?timeZone=Europe%2FBerlin&dateFrom=2030-09-03&dateTo=2030-09-03&${GOOGLE}&${OUTLOOK}`,
        },
        200,
      ),
    );
    expect(busy.slice(0, 3)).toEqual([
      { start: '2030-09-03T08:00:00.000Z', end: '2030-09-03T08:30:00.000Z', source: 'google-calendar' },
      { start: '2030-09-03T10:00:00.000Z', end: '2030-09-03T11:00:00.000Z', source: 'google-calendar' },
      { start: '2030-09-03T10:30:00.000Z', end: '2030-09-03T11:30:00.000Z', source: 'office365-calendar' },
    ]);
    expectGroupCovered(harness, 'calendars');
  });

  it("refuses the document's flattened credentialId/externalId in the request and in the simulator (400)", async () => {
    const exchange = await harness.send({
      method: 'GET',
      path: '/v2/calendars/busy-times?timeZone=UTC&dateFrom=2030-09-03&dateTo=2030-09-03&credentialId=4001&externalId=ada%40example.com',
    });
    expect(exchange.status).toBe(400);
    expect(exchange.response.errors).toEqual([]);
    expect(exchange.request.errors).toEqual([
      'query parameter calendarsToLoad is required by CalendarsController_getBusyTimes (as calendarsToLoad[0][<field>]=…)',
      'query parameter credentialId is not declared by CalendarsController_getBusyTimes (declared: loggedInUsersTz, timeZone, dateFrom, dateTo, calendarsToLoad); Cal.com silently drops unknown query parameters, so this filter would have no effect',
      'query parameter externalId is not declared by CalendarsController_getBusyTimes (declared: loggedInUsersTz, timeZone, dateFrom, dateTo, calendarsToLoad); Cal.com silently drops unknown query parameters, so this filter would have no effect',
    ]);
  });

  it('checks each indexed field against its schema', () => {
    const { errors } = validator.validateRequest({
      method: 'GET',
      path: '/v2/calendars/busy-times?timeZone=UTC&calendarsToLoad[0][credentialId]=abc&calendarsToLoad[0][externalId]=x&calendarsToLoad[1][externalId]=y&calendarsToLoad[1][color]=red',
      headers: { authorization: 'Bearer cal_test' },
    });
    expect(errors).toHaveLength(3);
    expect(errors.join('\n')).toContain('calendarsToLoad');
  });
});
