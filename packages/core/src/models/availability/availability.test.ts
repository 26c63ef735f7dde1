import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { AvailabilitySchema } from './availability';

describe('AvailabilitySchema', () => {
  const availability = {
    timeZone: 'Europe/Berlin',
    start: '2026-06-01T22:00:00.000Z',
    end: '2026-06-02T22:00:00.000Z',
    eventTypeId: 3001,
    slots: [{ start: '2026-06-02T07:00:00.000Z', end: '2026-06-02T07:15:00.000Z', isAvailable: true }],
  };

  it('accepts an availability and round-trips it through JSON', () => {
    expect(v.parse(AvailabilitySchema, JSON.parse(JSON.stringify(availability)))).toEqual(availability);
  });

  it('names the path of a wrong field', () => {
    const result = v.safeParse(AvailabilitySchema, {
      ...availability,
      slots: [{ ...availability.slots[0], isAvailable: 1 }],
    });
    expect(result.issues?.map((issue) => v.getDotPath(issue))).toEqual(['slots.0.isAvailable']);
  });
});
