import { describe, expect, it } from 'vitest';
import { callSimulator } from '../../../test/support/call-simulator';
import { TEST_NOW } from '../../constants';
import { createCalComSimulator } from '../create-simulator';
import { SECOND_API_KEY } from '../seed';

const LINKS = '/v2/event-types/3001/private-links';

function simulator() {
  return createCalComSimulator({ now: () => new Date(TEST_NOW) });
}

describe('event-type private links', () => {
  it('creates one-time, usage-based and time-based links, lists, updates and deletes them', async () => {
    const sim = simulator();
    expect((await callSimulator(sim, 'GET', LINKS)).json).toEqual({ status: 'success', data: [] });
    const once = await callSimulator(sim, 'POST', LINKS, { body: {} });
    expect(once.status).toBe(201);
    const onceLink = (once.json as { data: { linkId: string } }).data;
    expect(onceLink).toEqual({
      linkId: onceLink.linkId,
      eventTypeId: 3001,
      bookingUrl: `https://cal.com/d/${onceLink.linkId}/fifteen-minutes`,
      isExpired: false,
      maxUsageCount: 1,
      usageCount: 0,
    });
    expect(onceLink.linkId).toMatch(/^[0-9a-f]{12}$/);
    const timed = await callSimulator(sim, 'POST', LINKS, { body: { expiresAt: '2026-05-31T00:00:00+02:00' } });
    const timedLink = (timed.json as { data: { linkId: string } }).data;
    expect(timedLink).toMatchObject({ isExpired: true, expiresAt: '2026-05-30T22:00:00.000Z' });
    const updated = await callSimulator(sim, 'PATCH', `${LINKS}/${timedLink.linkId}`, { body: { maxUsageCount: 3 } });
    expect(updated.json).toEqual({
      status: 'success',
      data: {
        linkId: timedLink.linkId,
        eventTypeId: 3001,
        bookingUrl: `https://cal.com/d/${timedLink.linkId}/fifteen-minutes`,
        isExpired: false,
        maxUsageCount: 3,
        usageCount: 0,
      },
    });
    const back = await callSimulator(sim, 'PATCH', `${LINKS}/${timedLink.linkId}`, {
      body: { expiresAt: '2026-07-01T00:00:00Z' },
    });
    expect((back.json as { data: unknown }).data).toMatchObject({
      isExpired: false,
      expiresAt: '2026-07-01T00:00:00.000Z',
    });
    expect(((await callSimulator(sim, 'GET', LINKS)).json as { data: unknown[] }).data).toHaveLength(2);
    const deleted = await callSimulator(sim, 'DELETE', `${LINKS}/${onceLink.linkId}`);
    expect(deleted.json).toEqual({
      status: 'success',
      data: { linkId: onceLink.linkId, message: 'Private link deleted successfully' },
    });
    expect(((await callSimulator(sim, 'GET', LINKS)).json as { data: unknown[] }).data).toHaveLength(1);
    const again = await callSimulator(sim, 'DELETE', `${LINKS}/${onceLink.linkId}`);
    expect(again.status).toBe(404);
    expect(again.json).toMatchObject({ error: { message: `Private link with id ${onceLink.linkId} not found.` } });
  });

  it('refuses both limits at once, bad values, and another user’s event type', async () => {
    const sim = simulator();
    const both = await callSimulator(sim, 'POST', LINKS, {
      body: { expiresAt: '2026-07-01T00:00:00Z', maxUsageCount: 2 },
    });
    expect(both.status).toBe(400);
    expect(both.json).toMatchObject({
      error: { message: 'Provide either expiresAt (time-based link) or maxUsageCount (usage-based link), not both.' },
    });
    const bad = await callSimulator(sim, 'POST', LINKS, { body: { maxUsageCount: 0, expiresAt: 'soon' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain('maxUsageCount must not be less than 1');
    expect(JSON.stringify(bad.json)).toContain('expiresAt must be a valid ISO 8601 date string');
    const foreign = await callSimulator(sim, 'GET', LINKS, { key: SECOND_API_KEY });
    expect(foreign.status).toBe(404);
    const anonymous = await callSimulator(sim, 'GET', LINKS, { key: null });
    expect(anonymous.status).toBe(401);
    const missing = await callSimulator(sim, 'PATCH', `${LINKS}/nope`, { body: { maxUsageCount: 2 } });
    expect(missing.status).toBe(404);
  });
});
