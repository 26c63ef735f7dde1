import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { allowedLengths, EventTypeSchema } from './event-type';

const personal = {
  id: 1,
  title: 'Intro call',
  slug: 'intro-call',
  description: 'A short call',
  lengthInMinutes: 30,
  locations: [{ type: 'integration', integration: 'cal-video' }],
  bookingFields: [],
  disableGuests: false,
  hidden: false,
  ownerId: 10,
  users: [{ id: 10, name: 'Jane', username: 'jane', avatarUrl: null }, 'legacy-string'],
  bookingUrl: 'https://cal.com/jane/intro-call',
  scheduleId: null,
  price: 0,
  currency: 'usd',
  metadata: {},
  somethingNew: 1,
};

const team = {
  id: 2,
  title: 'Team sync',
  slug: 'team-sync',
  description: '',
  lengthInMinutes: 60,
  lengthInMinutesOptions: [30, 60],
  hidden: true,
  ownerId: null,
  teamId: 7,
  schedulingType: 'roundRobin',
  hosts: [{ userId: 10, name: 'Jane', username: 'jane', priority: 2 }],
  team: { id: 7, slug: 'team' },
};

describe('EventTypeSchema', () => {
  it('maps a personal event type, reading users as objects', () => {
    expect(v.parse(EventTypeSchema, personal)).toEqual({
      id: 1,
      title: 'Intro call',
      slug: 'intro-call',
      description: 'A short call',
      lengthInMinutes: 30,
      lengthInMinutesOptions: [],
      hidden: false,
      ownerId: 10,
      teamId: null,
      schedulingType: null,
      users: [{ id: 10, name: 'Jane', username: 'jane' }],
      hosts: [],
      bookingUrl: 'https://cal.com/jane/intro-call',
      scheduleId: null,
      slotInterval: null,
      minimumBookingNotice: 0,
      beforeEventBuffer: 0,
      afterEventBuffer: 0,
      price: 0,
      currency: 'usd',
      locations: [{ type: 'integration', integration: 'cal-video' }],
      bookingFields: [],
      metadata: {},
    });
  });

  it('maps a team event type, reading hosts as objects', () => {
    const eventType = v.parse(EventTypeSchema, team);
    expect(eventType).toMatchObject({
      teamId: 7,
      ownerId: null,
      schedulingType: 'roundRobin',
      hidden: true,
      hosts: [{ userId: 10, name: 'Jane', username: 'jane' }],
      users: [],
      description: '',
    });
    expect(allowedLengths(eventType)).toEqual([30, 60]);
    expect(allowedLengths(v.parse(EventTypeSchema, personal))).toEqual([30]);
  });

  it('round-trips through JSON', () => {
    const eventType = v.parse(EventTypeSchema, personal);
    expect(JSON.parse(JSON.stringify(eventType))).toEqual(eventType);
  });

  it.each([
    [{ ...personal, lengthInMinutes: '30' }, 'lengthInMinutes'],
    [{ ...personal, slug: null }, 'slug'],
    [{ ...team, schedulingType: 'ROUND_ROBIN' }, 'schedulingType'],
    [{ ...personal, users: [{ id: 'ten' }] }, 'users.0'],
  ])('names the path of a wrong field (%#)', (input, path) => {
    const result = v.safeParse(EventTypeSchema, input);
    expect(result.success).toBe(false);
    expect(result.issues?.map((issue) => v.getDotPath(issue))).toContain(path);
  });
});
