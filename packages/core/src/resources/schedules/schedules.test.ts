import { success } from '@calcom-int/testkit/fixtures';
import { respondOnce } from '@calcom-int/testkit/msw';
import { server, simulator } from '@calcom-int/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { createTestClient, sentRequests } from '../../../test/support/test-client';
import { CalComNotFoundError } from '../../errors/api-error';
import { CalComUnknownOutcomeError } from '../../errors/unknown-outcome-error';
import { CalComValidationError } from '../../errors/validation-error';

const WORKING_HOURS = {
  id: 2001,
  ownerId: 1001,
  name: 'Working hours',
  timeZone: 'Europe/Berlin',
  isDefault: true,
  availability: [
    { days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'], startTime: '09:00', endTime: '17:00' },
  ],
  overrides: [],
};

describe('schedules', () => {
  it('lists schedules with the 2024-06-11 version', async () => {
    const client = createTestClient();
    const schedules = await client.schedules.list();
    expect(schedules[0]).toEqual(WORKING_HOURS);
    expect(schedules.every((schedule) => schedule.ownerId === 1001)).toBe(true);
    expect(sentRequests()).toEqual([
      { method: 'GET', path: '/v2/schedules', query: {}, version: '2024-06-11', body: undefined },
    ]);
  });

  it('gets the default schedule', async () => {
    const client = createTestClient();
    expect(await client.schedules.getDefault()).toEqual(WORKING_HOURS);
    expect(sentRequests()).toEqual([
      { method: 'GET', path: '/v2/schedules/default', query: {}, version: '2024-06-11', body: undefined },
    ]);
  });

  it('returns null when the user has no default schedule', async () => {
    server.use(respondOnce('GET', '/v2/schedules/default', 200, success(null)));
    const client = createTestClient();
    expect(await client.schedules.getDefault()).toEqual(null);
  });
});

const V = '2024-06-11';
const calls = () => sentRequests().map((request) => `${request.method} ${request.path}`);

describe('schedules writes', () => {
  it('gets one schedule by id', async () => {
    const client = createTestClient();
    expect(await client.schedules.get(2001)).toEqual(WORKING_HOURS);
    await expect(client.schedules.get(2002)).rejects.toBeInstanceOf(CalComNotFoundError);
  });

  it('creates a schedule with weekly hours and overrides, canonicalising the zone', async () => {
    const client = createTestClient();
    const schedule = await client.schedules.create({
      name: ' Mornings ',
      timeZone: 'europe/rome',
      isDefault: false,
      availability: [{ days: ['Monday', 'Tuesday'], startTime: '08:00', endTime: '12:00' }],
      overrides: [{ date: '2026-12-24', startTime: '09:00', endTime: '10:00' }],
    });
    expect(schedule).toEqual({
      id: 2100,
      ownerId: 1001,
      name: 'Mornings',
      timeZone: 'Europe/Rome',
      isDefault: false,
      availability: [{ days: ['Monday', 'Tuesday'], startTime: '08:00', endTime: '12:00' }],
      overrides: [{ date: '2026-12-24', startTime: '09:00', endTime: '10:00' }],
    });
    expect(sentRequests()).toEqual([
      { method: 'GET', path: '/v2/schedules', query: {}, version: V, body: undefined },
      {
        method: 'POST',
        path: '/v2/schedules',
        query: {},
        version: V,
        body: {
          name: 'Mornings',
          timeZone: 'Europe/Rome',
          isDefault: false,
          availability: [{ days: ['Monday', 'Tuesday'], startTime: '08:00', endTime: '12:00' }],
          overrides: [{ date: '2026-12-24', startTime: '09:00', endTime: '10:00' }],
        },
      },
    ]);
  });

  it.each([
    [{ timeZone: 'UTC', isDefault: false }, 'name'],
    [{ name: 'x', timeZone: 'CET', isDefault: false }, 'timeZone'],
    [{ name: 'x', timeZone: 'UTC', isDefault: 'yes' }, 'isDefault'],
    [{ name: 'x', timeZone: 'UTC', isDefault: false, availability: 'weekdays' }, 'availability'],
    [
      {
        name: 'x',
        timeZone: 'UTC',
        isDefault: false,
        availability: [{ days: [], startTime: '09:00', endTime: '10:00' }],
      },
      'availability.0.days',
    ],
    [
      {
        name: 'x',
        timeZone: 'UTC',
        isDefault: false,
        availability: [{ days: ['Mon'], startTime: '09:00', endTime: '10:00' }],
      },
      'availability.0.days.0',
    ],
    [
      {
        name: 'x',
        timeZone: 'UTC',
        isDefault: false,
        availability: [{ days: ['Monday'], startTime: '9am', endTime: '10:00' }],
      },
      'availability.0.startTime',
    ],
    [
      {
        name: 'x',
        timeZone: 'UTC',
        isDefault: false,
        availability: [{ days: ['Monday'], startTime: '12:00', endTime: '10:00' }],
      },
      'availability.0.endTime',
    ],
    [
      {
        name: 'x',
        timeZone: 'UTC',
        isDefault: false,
        overrides: [{ date: '2026-02-30', startTime: '09:00', endTime: '10:00' }],
      },
      'overrides.0.date',
    ],
    [{ name: 'x', timeZone: 'UTC', isDefault: false, overrides: {} }, 'overrides'],
    [
      {
        name: 'x',
        timeZone: 'UTC',
        isDefault: false,
        overrides: [{ date: 20261224, startTime: '09:00', endTime: '10:00' }],
      },
      'overrides.0.date',
    ],
    [
      {
        name: 'x',
        timeZone: 'UTC',
        isDefault: false,
        overrides: [{ date: '2026-12-24', startTime: 900, endTime: '10:00' }],
      },
      'overrides.0.startTime',
    ],
    [
      {
        name: 'x',
        timeZone: 'UTC',
        isDefault: false,
        availability: [{ days: ['Monday'], startTime: '09:00', endTime: '10:00', extra: 1 }],
      },
      'availability.0.extra',
    ],
  ])('refuses a bad create field before sending (%#: %s)', async (input, path) => {
    const client = createTestClient();
    const error = await client.schedules.create(input as never).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComValidationError);
    expect((error as CalComValidationError).issues.map((issue) => issue.path)).toEqual([path]);
    expect(sentRequests()).toEqual([]);
  });

  it('names the fix of a reversed range', async () => {
    const client = createTestClient();
    const error = await client.schedules
      .update(2001, { availability: [{ days: ['Monday'], startTime: '12:00', endTime: '10:00' }] })
      .catch((caught: unknown) => caught);
    expect((error as CalComValidationError).issues).toEqual([
      {
        path: 'availability.0.endTime',
        message: 'must be after the start time. Swap them, or split a range that crosses midnight.',
      },
    ]);
  });

  it('updates only the given fields and refuses an empty patch', async () => {
    const client = createTestClient();
    const schedule = await client.schedules.update(2001, {
      overrides: [{ date: '2026-12-24', startTime: '09:00', endTime: '12:00' }],
    });
    expect(schedule.overrides).toEqual([{ date: '2026-12-24', startTime: '09:00', endTime: '12:00' }]);
    expect(sentRequests()).toEqual([
      {
        method: 'PATCH',
        path: '/v2/schedules/2001',
        query: {},
        version: V,
        body: { overrides: [{ date: '2026-12-24', startTime: '09:00', endTime: '12:00' }] },
      },
    ]);
    await expect(client.schedules.update(2001, {})).rejects.toThrow(
      'No schedule changes given. Pass at least one of name, timeZone, isDefault, availability, overrides. Nothing was sent to Cal.com.',
    );
    await expect(client.schedules.update(0, { name: 'x' })).rejects.toBeInstanceOf(CalComValidationError);
  });

  it('deletes a schedule; an unknown one is not found', async () => {
    const client = createTestClient();
    const created = await client.schedules.create({ name: 'Temp', timeZone: 'UTC', isDefault: false });
    await client.schedules.delete(created.id);
    expect(simulator().state.schedules.map((schedule) => schedule.id)).toEqual([2001, 2002]);
    await expect(client.schedules.delete(created.id)).rejects.toBeInstanceOf(CalComNotFoundError);
  });
});

describe('schedule writes after an ambiguous failure', () => {
  it.each(['server-error', 'reset'] as const)(
    'returns the schedule a create made before failing (%s)',
    async (outcome) => {
      const client = createTestClient();
      simulator().faults.add({ method: 'POST', path: '/v2/schedules', fault: { type: 'commit-then-fail', outcome } });
      const schedule = await client.schedules.create({ name: 'Evenings', timeZone: 'UTC', isDefault: false });
      expect(schedule).toMatchObject({ id: 2100, name: 'Evenings' });
      expect(calls()).toEqual(['GET /v2/schedules', 'POST /v2/schedules', 'GET /v2/schedules']);
    },
  );

  it('says how to check when the created schedule cannot be found', async () => {
    const client = createTestClient();
    simulator().faults.add({ method: 'POST', path: '/v2/schedules', times: 1, fault: { type: 'server-error' } });
    const error = await client.schedules
      .create({ name: 'Evenings', timeZone: 'UTC', isDefault: false })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComUnknownOutcomeError);
    expect((error as CalComUnknownOutcomeError).howToCheck).toBe(
      'Check with schedules.list() for a schedule named "Evenings" before creating it again.',
    );
  });

  it('confirms an update by reading it back', async () => {
    const client = createTestClient();
    simulator().faults.add({
      method: 'PATCH',
      path: '/v2/schedules/2001',
      fault: { type: 'commit-then-fail', outcome: 'server-error' },
    });
    const schedule = await client.schedules.update(2001, { name: 'Core hours' });
    expect(schedule.name).toBe('Core hours');
    expect(calls()).toEqual(['PATCH /v2/schedules/2001', 'GET /v2/schedules/2001']);
  });

  it('says how to check an update that cannot be read back', async () => {
    const client = createTestClient();
    simulator().faults.add({ method: 'PATCH', path: '/v2/schedules/2001', fault: { type: 'reset' } });
    simulator().faults.add({ method: 'GET', path: '/v2/schedules/2001', fault: { type: 'html-502' } });
    const error = await client.schedules
      .update(2001, { name: 'Core hours' }, { maxRetries: 0 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComUnknownOutcomeError);
    expect((error as CalComUnknownOutcomeError).howToCheck).toBe(
      'Check with schedules.get(2001) whether name have the new values; otherwise update it again.',
    );
  });

  it('confirms a delete by the 404 of the read-back, and says how to check when it cannot tell', async () => {
    const client = createTestClient();
    const created = await client.schedules.create({ name: 'Temp', timeZone: 'UTC', isDefault: false });
    const path = `/v2/schedules/${created.id}`;
    simulator().faults.add({ method: 'DELETE', path, fault: { type: 'commit-then-fail', outcome: 'reset' } });
    await client.schedules.delete(created.id);
    expect(simulator().state.schedules.some((schedule) => schedule.id === created.id)).toBe(false);
    simulator().faults.add({ method: 'DELETE', path: '/v2/schedules/2001', fault: { type: 'reset' } });
    simulator().faults.add({ method: 'GET', path: '/v2/schedules/2001', fault: { type: 'html-502' } });
    const error = await client.schedules.delete(2001, { maxRetries: 0 }).catch((caught: unknown) => caught);
    expect((error as CalComUnknownOutcomeError).howToCheck).toBe(
      'Check with schedules.get(2001): CalComNotFoundError means it is deleted; otherwise delete it again.',
    );
  });
});
