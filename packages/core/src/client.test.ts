import { createHmac } from 'node:crypto';
import { simulator } from '@calcom-int/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { CalComClient } from './client';
import { CalComConfigError } from './errors/config-error';
import type { ApiExecutor } from './resources/common/context';
import { clientAtFixedTime } from './resources/common/fixed-clock';
import { createTestClient, sentRequests } from './resources/common/test-client';

describe('CalComClient', () => {
  it('exposes the rate-limit state of the last response', async () => {
    const client = createTestClient();
    expect(client.rateLimit).toBeUndefined();
    await client.getUser();
    expect(client.rateLimit).toMatchObject({ name: 'Default', limit: 120, remaining: 119 });
    await client.close();
  });

  it('reads its calendar clock with now()', async () => {
    let instant = Date.parse('2027-01-04T09:00:00Z');
    const client = new CalComClient({ apiKey: 'cal_test_clock_0000000000', now: () => new Date(instant) });
    expect(client.now().toISOString()).toBe('2027-01-04T09:00:00.000Z');
    instant += 60_000;
    expect(client.now().toISOString()).toBe('2027-01-04T09:01:00.000Z');
    await client.close();
  });

  it('sends a per-call apiVersion only to the targeted resource', async () => {
    const client = clientAtFixedTime();
    await client.listBookings({ limit: 1 }, { apiVersion: '2026-02-25' });
    await client.createBooking(
      {
        eventTypeId: 3002,
        start: '2026-06-02T09:00:00Z',
        attendee: { name: 'Ann', email: 'ann@example.com', timeZone: 'UTC' },
      },
      { apiVersion: '2026-02-25' },
    );
    expect(sentRequests().map((request) => `${request.path} ${request.version}`)).toEqual([
      '/v2/bookings 2026-02-25',
      '/v2/event-types/3002 2024-06-14',
      '/v2/slots 2024-09-04',
      '/v2/bookings 2026-02-25',
    ]);
    // 2026-02-25 is newer than the March 2026 OpenAPI copy (docs/CALCOM-API.md §3.3): skip the contract check for this test only.
    simulator().reset();
  });

  it('verifies webhook signatures', () => {
    const client = createTestClient();
    const body = '{"triggerEvent":"BOOKING_CREATED"}';
    const signature = createHmac('sha256', 'secret').update(body).digest('hex');
    expect(client.verifyWebhookSignature(body, signature, 'secret')).toBe(true);
    expect(client.verifyWebhookSignature(body, signature, 'other')).toBe(false);
  });

  it('closes through Symbol.asyncDispose, also with an injected executor without close', async () => {
    const executor: ApiExecutor = {
      execute: () => Promise.reject(new Error('not used')),
    };
    const client = new CalComClient({ apiKey: 'cal_test_fake_0123_4567_89ab' }, { executor });
    await expect(client[Symbol.asyncDispose]()).resolves.toBeUndefined();
    expect(client.rateLimit).toBeUndefined();
  });

  it('refuses a missing API key with a CalComConfigError', () => {
    expect(() => new CalComClient({ apiKey: '' })).toThrow(CalComConfigError);
  });
});
