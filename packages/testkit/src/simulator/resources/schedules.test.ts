import { describe, expect, it } from 'vitest';
import { callSimulator } from '../../../test/support/call-simulator';
import { createCalComSimulator } from '../create-simulator';
import { SECOND_API_KEY } from '../seed';

const V = { version: '2024-06-11' };

describe('schedules', () => {
  it('lists, gets the default and one schedule of the user', async () => {
    const simulator = createCalComSimulator();
    const list = await callSimulator(simulator, 'GET', '/v2/schedules', V);
    expect(list.json).toEqual({
      status: 'success',
      data: [
        {
          id: 2001,
          ownerId: 1001,
          name: 'Working hours',
          timeZone: 'Europe/Berlin',
          availability: [
            { days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'], startTime: '09:00', endTime: '17:00' },
          ],
          isDefault: true,
          overrides: [],
        },
      ],
    });
    expect((await callSimulator(simulator, 'GET', '/v2/schedules/default', V)).json).toEqual({
      status: 'success',
      data: (list.json as { data: unknown[] }).data[0],
    });
    expect((await callSimulator(simulator, 'GET', '/v2/schedules/2001', V)).status).toBe(200);
    const other = await callSimulator(simulator, 'GET', '/v2/schedules/2002', V);
    expect(other.status).toBe(404);
    expect(other.json).toMatchObject({ error: { message: 'Schedule with id=2002 not found' } });
  });

  it('updates availability and overrides, validating times, and answers null without a default', async () => {
    const simulator = createCalComSimulator();
    const updated = await callSimulator(simulator, 'PATCH', '/v2/schedules/2002', {
      ...V,
      key: SECOND_API_KEY,
      body: {
        availability: [{ days: ['Saturday'], startTime: '10:00', endTime: '12:00' }],
        overrides: [{ date: '2026-04-01', startTime: '08:00', endTime: '09:00' }],
        isDefault: false,
      },
    });
    expect(updated.json).toMatchObject({
      data: { id: 2002, isDefault: false, availability: [{ days: ['Saturday'] }], overrides: [{ date: '2026-04-01' }] },
    });
    expect(
      (await callSimulator(simulator, 'GET', '/v2/schedules/default', { ...V, key: SECOND_API_KEY })).json,
    ).toEqual({ status: 'success', data: null });
    const invalid = await callSimulator(simulator, 'PATCH', '/v2/schedules/2001', {
      ...V,
      body: { availability: [{ days: ['Caturday'], startTime: '9am', endTime: '17:00' }], overrides: 'none' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.json).toMatchObject({
      error: {
        details: {
          errors: [
            {
              property: 'availability',
              children: [
                {
                  property: '0',
                  children: [
                    {
                      property: 'days',
                      constraints: {
                        isEnum:
                          'days.0 must be one of the following values: Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday',
                      },
                    },
                    { property: 'startTime', constraints: { matches: 'startTime must be a time in HH:MM format' } },
                  ],
                },
              ],
            },
            { property: 'overrides', constraints: { isArray: 'overrides must be an array' } },
          ],
        },
      },
    });
  });

  it('creates a schedule (default hours when none are given), moves the default, and deletes', async () => {
    const simulator = createCalComSimulator();
    const created = await callSimulator(simulator, 'POST', '/v2/schedules', {
      ...V,
      body: { name: 'Mornings', timeZone: 'Europe/Rome', isDefault: false },
    });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({
      status: 'success',
      data: {
        id: 2100,
        ownerId: 1001,
        name: 'Mornings',
        timeZone: 'Europe/Rome',
        availability: [
          { days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'], startTime: '09:00', endTime: '17:00' },
        ],
        isDefault: false,
        overrides: [],
      },
    });
    const second = await callSimulator(simulator, 'POST', '/v2/schedules', {
      ...V,
      body: {
        name: 'Weekend',
        timeZone: 'UTC',
        isDefault: true,
        availability: [{ days: ['Saturday'], startTime: '10:00', endTime: '12:00' }],
        overrides: [{ date: '2026-06-06', startTime: '11:00', endTime: '12:00' }],
      },
    });
    expect(second.json).toMatchObject({ data: { id: 2101, isDefault: true, availability: [{ days: ['Saturday'] }] } });
    expect(simulator.state.users[0]?.defaultScheduleId).toBe(2101);
    expect(simulator.state.schedules.filter((schedule) => schedule.isDefault).map((schedule) => schedule.id)).toEqual([
      2002, 2101,
    ]);
    const moved = await callSimulator(simulator, 'PATCH', '/v2/schedules/2001', { ...V, body: { isDefault: true } });
    expect(moved.json).toMatchObject({ data: { id: 2001, isDefault: true } });
    expect(simulator.state.users[0]?.defaultScheduleId).toBe(2001);
    const deleted = await callSimulator(simulator, 'DELETE', '/v2/schedules/2100', V);
    expect(deleted.json).toEqual({ status: 'success' });
    expect((await callSimulator(simulator, 'GET', '/v2/schedules/2100', V)).status).toBe(404);
    const gone = await callSimulator(simulator, 'DELETE', '/v2/schedules/2100', V);
    expect(gone.status).toBe(404);
    await callSimulator(simulator, 'DELETE', '/v2/schedules/2001', V);
    expect(simulator.state.users[0]?.defaultScheduleId).toBeNull();
  });

  it('refuses a create without the required fields or with a bad zone', async () => {
    const simulator = createCalComSimulator();
    const refused = await callSimulator(simulator, 'POST', '/v2/schedules', {
      ...V,
      body: { timeZone: 'Mars/Olympus' },
    });
    expect(refused.status).toBe(400);
    const text = JSON.stringify(refused.json);
    expect(text).toContain('name should not be null or undefined');
    expect(text).toContain('timeZone must be a valid IANA time zone');
    expect(text).toContain('isDefault should not be null or undefined');
    expect((await callSimulator(simulator, 'POST', '/v2/schedules', { body: {} })).status).toBe(404);
  });
});
