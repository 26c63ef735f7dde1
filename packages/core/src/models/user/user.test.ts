import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CAL_COM_LOCALES, type MeDto, UserSchema } from './user';

const me = {
  id: 10,
  username: 'jane',
  email: 'jane@example.com',
  name: 'Jane',
  avatarUrl: null,
  bio: null,
  timeFormat: 24,
  defaultScheduleId: 3,
  weekStart: 'Monday',
  timeZone: 'Europe/Rome',
  organizationId: null,
  organization: { id: 1, isPlatform: false },
} satisfies MeDto & Record<string, unknown>;

describe('UserSchema', () => {
  it('maps the profile', () => {
    expect(v.parse(UserSchema, me)).toEqual({
      id: 10,
      username: 'jane',
      email: 'jane@example.com',
      name: 'Jane',
      avatarUrl: null,
      bio: null,
      timeZone: 'Europe/Rome',
      weekStart: 'Monday',
      timeFormat: 24,
      defaultScheduleId: 3,
      organizationId: null,
    });
  });

  it('reads any time format but 24 as 12 h and keeps optional fields', () => {
    expect(
      v.parse(UserSchema, { ...me, timeFormat: 12, avatarUrl: 'https://a', bio: 'hi', organizationId: 4 }),
    ).toMatchObject({ timeFormat: 12, avatarUrl: 'https://a', bio: 'hi', organizationId: 4 });
  });

  it('round-trips through JSON', () => {
    const user = v.parse(UserSchema, me);
    expect(JSON.parse(JSON.stringify(user))).toEqual(user);
  });

  it('names the path of a wrong field', () => {
    const result = v.safeParse(UserSchema, { ...me, timeZone: 1 });
    expect(result.issues?.map((issue) => v.getDotPath(issue))).toEqual(['timeZone']);
  });

  it('lists the 43 locales of the OpenAPI document', () => {
    expect(CAL_COM_LOCALES).toHaveLength(43);
    expect(CAL_COM_LOCALES).toContain('pt-BR');
  });
});
