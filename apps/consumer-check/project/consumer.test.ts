// A user's own test suite, as they would write it after `npm install @calcom-int/core @calcom-int/tools` and
// `npm install -D @calcom-int/testkit vitest msw`: no path, no variable, nothing from the calcom-int repository.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CalComClient } from '@calcom-int/core';
import { calComSpecProvenance, createContractValidator, loadCalComSpec } from '@calcom-int/testkit/contract';
import { simulator, TEST_CLIENT_OPTIONS, TEST_NOW } from '@calcom-int/testkit/vitest';
import { createCalComTools } from '@calcom-int/tools';
import { afterAll, describe, expect, it } from 'vitest';

const client = new CalComClient({ ...TEST_CLIENT_OPTIONS, maxRetries: 0 });
const tools = createCalComTools(client);
const contract = createContractValidator(loadCalComSpec());

afterAll(() => client.close());

/** The day after the simulator's fixed "now", as the tools take it. */
const tomorrow = new Date(TEST_NOW + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

describe('the tools against the testkit simulator', () => {
  it('lists free time and books it, on the simulator clock', async () => {
    const availability = await tools.list_availability.execute({
      event_type_id: 3002,
      start_date: tomorrow,
      end_date: tomorrow,
      time_zone: 'Europe/Berlin',
    });
    if (!availability.ok) throw new Error(availability.text);
    const free = (availability.structured as { slots: { start: string; end: string }[] }).slots[0];
    if (free === undefined) throw new Error(`no free slot on ${tomorrow}: ${availability.text}`);
    expect(free.start.startsWith(tomorrow)).toBe(true);

    const booked = await tools.create_booking.execute({
      event_type_id: 3002,
      start_time: free.start,
      end_time: free.end,
      attendee_name: 'Dana Consumer',
      attendee_email: 'dana.consumer@example.org',
      attendee_timezone: 'America/New_York',
    });
    expect(booked.text).toMatch(/^Booked uid \S+ \(id \d+\), status accepted\./);
    const stored = simulator().state.bookings.filter(
      (booking) => booking.attendees[0]?.email === 'dana.consumer@example.org',
    );
    expect(stored.map((booking) => new Date(booking.start).toISOString())).toEqual([
      new Date(free.start).toISOString(),
    ]);
  });

  it('sends only requests that the OpenAPI document shipped in the testkit allows', async () => {
    await tools.list_event_types.execute({});
    await tools.get_user_profile.execute({});
    expect(simulator().requests.length).toBeGreaterThan(0);
    for (const request of simulator().requests) {
      const result = contract.validateRequest(request);
      expect(result.errors, `${request.method} ${request.path}`).toEqual([]);
    }
    expect(calComSpecProvenance().sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("the suite's other HTTP calls", () => {
  it('go through untouched (otherRequests: bypass), while Cal.com stays refused', async () => {
    const own = createServer((_request, response) => response.end('own service'));
    await new Promise<void>((resolve) => own.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = own.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      expect(await response.text()).toBe('own service');
    } finally {
      own.close();
    }
    await expect(fetch('https://api.cal.com/v1/me')).rejects.toThrow(TypeError);
  });
});

describe('the installed bins', () => {
  it('calcom-simulator starts the simulator and answers GET /v2/me', () => {
    const run = spawnSync(join('node_modules', '.bin', 'calcom-simulator'), ['--smoke'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('GET /v2/me -> 200');
  });

  it('calcom-mcp without a key says what to configure on stderr and writes nothing to stdout', () => {
    const run = spawnSync(join('node_modules', '.bin', 'calcom-mcp'), [], { encoding: 'utf8', input: '' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('No Cal.com API key');
  });
});
