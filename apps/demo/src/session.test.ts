import { CalComClient } from '@calcom-int/core';
import { createCalComSimulator } from '@calcom-int/testkit';
import { startCalComServer } from '@calcom-int/testkit/server';
import { createCalComTools } from '@calcom-int/tools';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { playSession } from './session';

/** Wednesday 2026-11-25 08:00 UTC: tomorrow (Thursday) is a working day in Europe/Berlin. */
const WEDNESDAY = new Date('2026-11-25T08:00:00Z');
/** Friday 2026-11-27 08:00 UTC: tomorrow is a Saturday, so the session looks at the rest of the week. */
const FRIDAY = new Date('2026-11-27T08:00:00Z');

describe('playSession against the loopback simulator', () => {
  let stop: () => Promise<void>;
  let output: string[];

  beforeEach(() => {
    output = [];
    vi.spyOn(console, 'log').mockImplementation((line: unknown) => {
      output.push(String(line));
    });
  });

  afterEach(async () => {
    vi.restoreAllMocks();
    await stop();
  });

  async function start(now: Date) {
    const server = await startCalComServer({ simulator: createCalComSimulator({ now: () => new Date(now) }) });
    const client = new CalComClient({ apiKey: server.apiKey, baseUrl: server.url });
    stop = async () => {
      await client.close();
      await server.close();
    };
    return { server, tools: createCalComTools(client) };
  }

  it('books, moves by an hour and cancels a meeting, leaving a cancelled reschedule pair', async () => {
    const { server, tools } = await start(WEDNESDAY);
    const before = server.simulator.state.bookings.length;

    await playSession(tools, { write: true, now: WEDNESDAY });

    const calls = output.filter((line) => line.startsWith('→ ')).map((line) => line.split(' ')[1]);
    expect(calls).toEqual([
      'get_user_profile',
      'list_event_types',
      'list_availability',
      'create_booking',
      'reschedule_booking',
      'cancel_booking',
    ]);
    const created = server.simulator.state.bookings.slice(before);
    expect(created).toHaveLength(2);
    const [original, moved] = created;
    expect(original?.status).toBe('cancelled');
    expect(original?.rescheduledToUid).toBe(moved?.uid);
    expect(moved?.rescheduledFromUid).toBe(original?.uid);
    expect(moved?.status).toBe('cancelled');
    expect(moved?.cancellationReason).toBe('Demo finished; freeing the slot.');
    // Thursday 09:00 Berlin is the first free start; 10:00 is taken by a seeded booking, so the move lands on 10:30.
    expect(original?.start).toBe('2026-11-26T08:00:00.000Z');
    expect(moved?.start).toBe('2026-11-26T09:30:00.000Z');
    expect(original?.attendees[0]).toMatchObject({ name: 'Grace Hopper', email: 'grace@example.com' });
    expect(output.join('\n')).not.toContain(server.apiKey);
  });

  it('stops after the read-only steps without --write and creates nothing', async () => {
    const { server, tools } = await start(WEDNESDAY);
    const before = server.simulator.state.bookings.length;

    await playSession(tools, { write: false, now: WEDNESDAY });

    expect(server.simulator.state.bookings).toHaveLength(before);
    expect(output.some((line) => line.includes('pass --write'))).toBe(true);
    expect(server.simulator.requests.every((request) => request.method === 'GET')).toBe(true);
  });

  it('looks at the rest of the week when tomorrow is a weekend, and books the Monday', async () => {
    const { server, tools } = await start(FRIDAY);
    const before = server.simulator.state.bookings.length;

    await playSession(tools, { write: true, now: FRIDAY });

    const calls = output.filter((line) => line.startsWith('→ ')).map((line) => line.split(' ')[1]);
    expect(calls.slice(0, 5)).toEqual([
      'get_user_profile',
      'list_event_types',
      'list_availability',
      'list_availability',
      'create_booking',
    ]);
    expect(output).toContain('» Nothing tomorrow; look at the rest of the week.');
    const [original] = server.simulator.state.bookings.slice(before);
    expect(original?.start).toBe('2026-11-30T08:00:00.000Z');
  });
});
