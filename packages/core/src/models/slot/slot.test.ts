import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { SlotsDtoSchema, withSlotEnds } from './slot';

describe('SlotsDtoSchema and withSlotEnds', () => {
  it('flattens the date map into sorted UTC slots', () => {
    const data = v.parse(SlotsDtoSchema, {
      '2050-09-06': [{ start: '2050-09-06T09:00:00.000+02:00', end: '2050-09-06T09:30:00.000+02:00' }],
      '2050-09-05': [
        { start: '2050-09-05T10:00:00.000+02:00', end: '2050-09-05T10:30:00.000+02:00', attendeesCount: 1 },
        { start: '2050-09-05T09:00:00.000+02:00', end: '2050-09-05T09:30:00.000+02:00' },
      ],
    });
    expect(withSlotEnds(data, 30)).toEqual([
      { start: '2050-09-05T07:00:00.000Z', end: '2050-09-05T07:30:00.000Z' },
      { start: '2050-09-05T08:00:00.000Z', end: '2050-09-05T08:30:00.000Z' },
      { start: '2050-09-06T07:00:00.000Z', end: '2050-09-06T07:30:00.000Z' },
    ]);
  });

  it('computes the end of a slot given only its start', () => {
    const data = v.parse(SlotsDtoSchema, { '2050-09-05': [{ start: '2050-09-05T09:00:00Z' }] });
    expect(withSlotEnds(data, 45)).toEqual([{ start: '2050-09-05T09:00:00.000Z', end: '2050-09-05T09:45:00.000Z' }]);
  });

  it('names the path of a wrong slot', () => {
    const result = v.safeParse(SlotsDtoSchema, { '2050-09-05': [{ start: 9 }] });
    expect(result.issues?.map((issue) => v.getDotPath(issue))).toEqual(['2050-09-05.0.start']);
  });
});
