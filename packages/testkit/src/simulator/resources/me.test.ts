import { describe, expect, it } from 'vitest';
import { callSimulator } from '../../../test/support/call-simulator';
import { createCalComSimulator } from '../create-simulator';

describe('PATCH /v2/me', () => {
  it('changes only the given fields and keeps the primary email until verified', async () => {
    const simulator = createCalComSimulator();
    const result = await callSimulator(simulator, 'PATCH', '/v2/me', {
      body: {
        timeZone: 'America/Sao_Paulo',
        locale: 'pt-BR',
        timeFormat: 12,
        weekStart: 'Sunday',
        email: 'new@example.com',
        unknown: 1,
      },
    });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({
      data: {
        id: 1001,
        timeZone: 'America/Sao_Paulo',
        timeFormat: 12,
        weekStart: 'Sunday',
        email: 'ada@example.com',
        name: 'Ada Lovelace',
      },
    });
    expect(result.json).not.toHaveProperty('data.locale');
    expect(simulator.state.users[0]).toMatchObject({ locale: 'pt-BR', timeZone: 'America/Sao_Paulo' });
    expect((await callSimulator(simulator, 'GET', '/v2/me')).json).toEqual(result.json);
  });

  it('refuses an unknown time zone, locale, time format and week start', async () => {
    const result = await callSimulator(createCalComSimulator(), 'PATCH', '/v2/me', {
      body: {
        timeZone: 'Europe/Atlantis',
        locale: 'xx',
        timeFormat: 13,
        weekStart: 'Funday',
        name: 5,
        defaultScheduleId: 'a',
        email: 'nope',
      },
    });
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({
      error: {
        code: 'BadRequestException',
        details: {
          errors: [
            { property: 'email', constraints: { isEmail: 'email must be an email' } },
            { property: 'name', constraints: { isString: 'name must be a string' } },
            {
              property: 'timeFormat',
              constraints: { isEnum: 'timeFormat must be one of the following values: 12, 24' },
            },
            {
              property: 'defaultScheduleId',
              constraints: { isNumber: 'defaultScheduleId must be a number conforming to the specified constraints' },
            },
            { property: 'weekStart', value: 'Funday' },
            { property: 'timeZone', value: 'Europe/Atlantis' },
            { property: 'locale', value: 'xx' },
          ],
        },
      },
    });
  });
});
