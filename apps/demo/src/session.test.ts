import { CalComClient } from '@calcom-int/core';
import { startCalComServer } from '@calcom-int/testkit/server';
import { createCalComTools } from '@calcom-int/tools';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { playSession } from './session';

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

  async function start() {
    const server = await startCalComServer();
    const client = new CalComClient({ apiKey: server.apiKey, baseUrl: server.url });
    stop = async () => {
      await client.close();
      await server.close();
    };
    return { server, tools: createCalComTools(client) };
  }

  it('books, moves by an hour and cancels a meeting, leaving a cancelled reschedule pair', async () => {
    const { server, tools } = await start();
    const before = server.simulator.state.bookings.length;

    await playSession(tools, { write: true, now: new Date() });

    const calls = output.filter((line) => line.startsWith('→ ')).map((line) => line.split(' ')[1]);
    expect(calls.filter((name) => name !== 'list_availability')).toEqual([
      'get_user_profile',
      'list_event_types',
      'create_booking',
      'reschedule_booking',
      'cancel_booking',
    ]);
    expect(calls.indexOf('list_availability')).toBe(2);
    const created = server.simulator.state.bookings.slice(before);
    expect(created).toHaveLength(2);
    const [original, moved] = created;
    expect(original?.status).toBe('cancelled');
    expect(original?.rescheduledToUid).toBe(moved?.uid);
    expect(moved?.rescheduledFromUid).toBe(original?.uid);
    expect(moved?.status).toBe('cancelled');
    expect(moved?.cancellationReason).toBe('Demo finished; freeing the slot.');
    expect(Date.parse(moved?.start ?? '')).toBeGreaterThan(Date.parse(original?.start ?? ''));
    expect(output.join('\n')).not.toContain(server.apiKey);
  });

  it('stops after the read-only steps without --write and creates nothing', async () => {
    const { server, tools } = await start();
    const before = server.simulator.state.bookings.length;

    await playSession(tools, { write: false, now: new Date() });

    expect(server.simulator.state.bookings).toHaveLength(before);
    expect(output.some((line) => line.includes('pass --write'))).toBe(true);
    expect(server.simulator.requests.every((request) => request.method === 'GET')).toBe(true);
  });
});
