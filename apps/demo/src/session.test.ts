import { createCalComSimulator } from '@calcom-int/testkit';
import { createCalComTools } from '@calcom-int/tools';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { playSession } from './session';
import { simulatorTarget } from './target';

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

  /** Serves a simulator fixed at `now`; the demo's client runs on the simulator's clock, as `pnpm demo` wires it. */
  async function start(now: Date) {
    const simulator = createCalComSimulator({ now: () => new Date(now) });
    const target = await simulatorTarget(simulator);
    stop = () => target.close();
    return { simulator, target, tools: createCalComTools(target.client) };
  }

  it('books, moves by an hour and cancels a meeting, leaving a cancelled reschedule pair', async () => {
    const { simulator, target, tools } = await start(WEDNESDAY);
    const before = simulator.state.bookings.length;

    await playSession(tools, { write: true, now: target.now() });

    const calls = output.filter((line) => line.startsWith('→ ')).map((line) => line.split(' ')[1]);
    expect(calls).toEqual([
      'get_user_profile',
      'list_event_types',
      'list_availability',
      'create_booking',
      'get_booking_links',
      'reschedule_booking',
      'cancel_booking',
    ]);
    expect(output.join('\n')).toContain('https://calendar.google.com/');
    const created = simulator.state.bookings.slice(before);
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
    expect(target.apiKey).toMatch(/^cal_/);
    expect(output.join('\n')).not.toContain(target.apiKey);
  });

  it('stops after the read-only steps without --write and creates nothing', async () => {
    const { simulator, target, tools } = await start(WEDNESDAY);
    const before = simulator.state.bookings.length;

    await playSession(tools, { write: false, now: target.now() });

    expect(simulator.state.bookings).toHaveLength(before);
    expect(output.some((line) => line.includes('pass --write'))).toBe(true);
    expect(simulator.requests.every((request) => request.method === 'GET')).toBe(true);
  });

  it('looks at the rest of the week when tomorrow is a weekend, and books the Monday', async () => {
    const { simulator, target, tools } = await start(FRIDAY);
    const before = simulator.state.bookings.length;

    await playSession(tools, { write: true, now: target.now() });

    const calls = output.filter((line) => line.startsWith('→ ')).map((line) => line.split(' ')[1]);
    expect(calls.slice(0, 5)).toEqual([
      'get_user_profile',
      'list_event_types',
      'list_availability',
      'list_availability',
      'create_booking',
    ]);
    expect(output).toContain('» Nothing tomorrow; look at the rest of the week.');
    const [original] = simulator.state.bookings.slice(before);
    expect(original?.start).toBe('2026-11-30T08:00:00.000Z');
  });
});
