import { describe, expect, it } from 'vitest';
import { buildTeamEventType } from '../fixtures/event-type';
import { SimulatorHttpError } from './http-error';
import { createSeedData } from './seed';
import { assignTeamHosts, teamFreeSlotStarts } from './team-scheduling';

// Wednesday; on Thursday 2026-03-26 Ada works 08:00–16:00Z and Charles 13:00–21:00Z.
const NOW = new Date('2026-03-25T06:00:00.000Z');
const DAY_START = Date.parse('2026-03-26T00:00:00.000Z');
const DAY_END = Date.parse('2026-03-26T23:59:59.000Z');
const hhmm = (starts: number[]) => starts.map((start) => new Date(start).toISOString().slice(11, 16));

describe('team scheduling rules', () => {
  it('a mandatory round-robin host must always be free, and is always assigned with one other host', () => {
    const data = createSeedData(NOW);
    const host = (userId: number, name: string, username: string, mandatory: boolean) => ({
      userId,
      name,
      username,
      avatarUrl: null,
      mandatory,
      priority: 'medium',
    });
    const eventType = buildTeamEventType({
      id: 4010,
      lengthInMinutes: 30,
      hosts: [
        host(1002, 'Charles Babbage', 'charles-babbage', true),
        host(1001, 'Ada Lovelace', 'ada-lovelace', false),
      ],
    });
    data.teamEventTypes.push(eventType);
    expect(hhmm(teamFreeSlotStarts(data, eventType, DAY_START, DAY_END, NOW.getTime()))).toEqual([
      '14:30',
      '15:00',
      '15:30',
    ]);
    const start = Date.parse('2026-03-26T15:00:00.000Z');
    expect(assignTeamHosts(data, eventType, start, NOW.getTime())?.map((user) => user.id)).toEqual([1002, 1001]);
    expect(assignTeamHosts(data, eventType, Date.parse('2026-03-26T09:30:00.000Z'), NOW.getTime())).toBeUndefined();
  });

  it('refuses a managed team event type with a 400 that says to use a child', () => {
    const data = createSeedData(NOW);
    const managed = buildTeamEventType({ id: 4011, schedulingType: 'managed' });
    data.teamEventTypes.push(managed);
    const error = (() => {
      try {
        teamFreeSlotStarts(data, managed, DAY_START, DAY_END, NOW.getTime());
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(SimulatorHttpError);
    expect([(error as SimulatorHttpError).status, (error as SimulatorHttpError).message]).toEqual([
      400,
      'Event type with id=4011 is a managed team event type; book or query one of its children instead.',
    ]);
  });
});
