import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { type ScheduleDto, ScheduleSchema } from './schedule';

const schedule = {
  id: 254,
  ownerId: 478,
  name: 'Catch up hours',
  timeZone: 'Europe/Rome',
  isDefault: true,
  availability: [{ days: ['Monday', 'Tuesday'], startTime: '09:00', endTime: '17:00:00' }],
  overrides: [{ date: '2024-05-20', startTime: '18:00', endTime: '21:00' }],
} satisfies ScheduleDto;

describe('ScheduleSchema', () => {
  it('maps a schedule, normalising times to HH:MM', () => {
    expect(v.parse(ScheduleSchema, schedule)).toEqual({
      ...schedule,
      availability: [{ days: ['Monday', 'Tuesday'], startTime: '09:00', endTime: '17:00' }],
    });
  });

  it('defaults missing overrides and round-trips through JSON', () => {
    const parsed = v.parse(ScheduleSchema, { ...schedule, overrides: undefined });
    expect(parsed.overrides).toEqual([]);
    expect(JSON.parse(JSON.stringify(parsed))).toEqual(parsed);
  });

  it.each([
    [{ ...schedule, availability: [{ days: ['Mon'], startTime: '09:00', endTime: '17:00' }] }, 'availability.0.days.0'],
    [
      { ...schedule, availability: [{ days: ['Monday'], startTime: '9am', endTime: '17:00' }] },
      'availability.0.startTime',
    ],
    [{ ...schedule, overrides: [{ date: '20/05/2024', startTime: '09:00', endTime: '10:00' }] }, 'overrides.0.date'],
  ])('names the path of a wrong field (%#)', (input, path) => {
    const result = v.safeParse(ScheduleSchema, input);
    expect(result.issues?.map((issue) => v.getDotPath(issue))).toEqual([path]);
  });
});
