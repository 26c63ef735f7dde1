import { describe, expect, it } from 'vitest';
import type { ReservationOutput, ScheduleOutput, SlotsOutput } from '../../src/index';
import { createContractHarness, dataOf, expectGroupCovered, VERSIONS } from './simulator-harness';

describe('simulator /v2/slots against the contract', () => {
  const harness = createContractHarness();
  const version = VERSIONS.slots;

  it('GET /v2/slots in the time format (default) returns starts in the requested zone', async () => {
    const slots = dataOf<SlotsOutput>(
      await harness.expectValid(
        {
          method: 'GET',
          path: '/v2/slots?eventTypeId=3002&start=2030-09-04&end=2030-09-04&timeZone=Europe/Berlin',
          version,
          key: null,
        },
        200,
      ),
    );
    expect(Object.keys(slots)).toEqual(['2030-09-04']);
    expect(slots['2030-09-04']?.[0]).toEqual({ start: '2030-09-04T09:00:00.000+02:00' });
  });

  it('GET /v2/slots in the range format with a username and slug returns start and end', async () => {
    const slots = dataOf<SlotsOutput>(
      await harness.expectValid(
        {
          method: 'GET',
          path: '/v2/slots?username=ada-lovelace&eventTypeSlug=thirty-minutes&start=2030-09-04T00:00:00Z&end=2030-09-04T23:59:59Z&format=range&timeZone=America/New_York',
          version,
        },
        200,
      ),
    );
    expect(slots['2030-09-04']?.[0]).toEqual({
      start: '2030-09-04T03:00:00.000-04:00',
      end: '2030-09-04T03:30:00.000-04:00',
    });
  });

  it('GET /v2/slots with a duration and no time zone answers in UTC', async () => {
    const slots = dataOf<SlotsOutput>(
      await harness.expectValid(
        { method: 'GET', path: '/v2/slots?eventTypeId=3003&start=2030-09-05&end=2030-09-05&duration=60', version },
        200,
      ),
    );
    expect(slots['2030-09-05']?.[0]).toEqual({ start: '2030-09-05T07:00:00.000+00:00' });
  });

  let reservationUid = '';
  it('POST /v2/slots/reservations reserves a free slot', async () => {
    const reservation = dataOf<ReservationOutput>(
      await harness.expectValid(
        {
          method: 'POST',
          path: '/v2/slots/reservations',
          version,
          body: { eventTypeId: 3002, slotStart: '2030-09-04T11:00:00.000Z', reservationDuration: 10 },
        },
        201,
      ),
    );
    expect(reservation).toMatchObject({
      eventTypeId: 3002,
      slotStart: '2030-09-04T11:00:00.000Z',
      slotEnd: '2030-09-04T11:30:00.000Z',
      slotDuration: 30,
      reservationDuration: 10,
      reservationUntil: '2030-09-02T06:10:00.000Z',
    });
    reservationUid = reservation.reservationUid;
  });

  it('GET /v2/slots/reservations/{uid} returns it', async () => {
    const reservation = dataOf<ReservationOutput>(
      await harness.expectValid({ method: 'GET', path: `/v2/slots/reservations/${reservationUid}`, version }, 200),
    );
    expect(reservation.reservationUid).toBe(reservationUid);
  });

  it('PATCH /v2/slots/reservations/{uid} moves it', async () => {
    const reservation = dataOf<ReservationOutput>(
      await harness.expectValid(
        {
          method: 'PATCH',
          path: `/v2/slots/reservations/${reservationUid}`,
          version,
          body: { eventTypeId: 3002, slotStart: '2030-09-04T12:00:00.000Z' },
        },
        200,
      ),
    );
    expect(reservation).toMatchObject({ slotStart: '2030-09-04T12:00:00.000Z', slotEnd: '2030-09-04T12:30:00.000Z' });
  });

  it('DELETE /v2/slots/reservations/{uid} removes it', async () => {
    expect(
      await harness.expectValid({ method: 'DELETE', path: `/v2/slots/reservations/${reservationUid}`, version }, 200),
    ).toEqual({ status: 'success' });
  });

  it('covers every /v2/slots route', () => {
    expectGroupCovered(harness, 'slots');
  });
});

describe('simulator /v2/schedules against the contract', () => {
  const harness = createContractHarness();
  const version = VERSIONS.schedules;

  it('GET /v2/schedules lists the own schedules', async () => {
    const list = dataOf<ScheduleOutput[]>(
      await harness.expectValid({ method: 'GET', path: '/v2/schedules', version }, 200),
    );
    expect(list.map((schedule) => schedule.ownerId)).toEqual([1001]);
  });

  it('GET /v2/schedules/default returns the default schedule', async () => {
    const schedule = dataOf<ScheduleOutput>(
      await harness.expectValid({ method: 'GET', path: '/v2/schedules/default', version }, 200),
    );
    expect(schedule).toMatchObject({ ownerId: 1001, isDefault: true, timeZone: 'Europe/Berlin' });
  });

  it('GET /v2/schedules/{id} returns one schedule', async () => {
    const [first] = harness.simulator.state.schedules;
    const schedule = dataOf<ScheduleOutput>(
      await harness.expectValid({ method: 'GET', path: `/v2/schedules/${first?.id}`, version }, 200),
    );
    expect(schedule.id).toBe(first?.id);
  });

  it('PATCH /v2/schedules/{id} replaces availability and overrides', async () => {
    const [first] = harness.simulator.state.schedules;
    const schedule = dataOf<ScheduleOutput>(
      await harness.expectValid(
        {
          method: 'PATCH',
          path: `/v2/schedules/${first?.id}`,
          version,
          body: {
            name: 'Mornings',
            availability: [{ days: ['Monday', 'Wednesday'], startTime: '08:00', endTime: '12:30' }],
            overrides: [{ date: '2030-09-09', startTime: '10:00', endTime: '11:00' }],
          },
        },
        200,
      ),
    );
    expect(schedule).toMatchObject({
      name: 'Mornings',
      availability: [{ days: ['Monday', 'Wednesday'], startTime: '08:00', endTime: '12:30' }],
      overrides: [{ date: '2030-09-09', startTime: '10:00', endTime: '11:00' }],
    });
  });

  let createdId = 0;
  it('POST /v2/schedules creates a schedule', async () => {
    const schedule = dataOf<ScheduleOutput>(
      await harness.expectValid(
        {
          method: 'POST',
          path: '/v2/schedules',
          version,
          body: {
            name: 'Evenings',
            timeZone: 'Europe/Rome',
            isDefault: false,
            availability: [{ days: ['Tuesday'], startTime: '17:00', endTime: '19:00' }],
            overrides: [{ date: '2030-09-10', startTime: '18:00', endTime: '20:00' }],
          },
        },
        201,
      ),
    );
    expect(schedule).toMatchObject({ name: 'Evenings', isDefault: false, ownerId: 1001 });
    createdId = schedule.id;
  });

  it('DELETE /v2/schedules/{id} deletes it', async () => {
    const body = await harness.expectValid({ method: 'DELETE', path: `/v2/schedules/${createdId}`, version }, 200);
    expect(body).toEqual({ status: 'success' });
  });

  it('covers every /v2/schedules route', () => {
    expectGroupCovered(harness, 'schedules');
  });
});
