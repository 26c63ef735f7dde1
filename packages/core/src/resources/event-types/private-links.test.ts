import { simulator } from '@calcom-int/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { createTestClient, sentRequests } from '../../../test/support/test-client';
import { CalComNotFoundError } from '../../errors/api-error';
import type { CalComUnknownOutcomeError } from '../../errors/unknown-outcome-error';
import { CalComValidationError } from '../../errors/validation-error';

const PATH = '/v2/event-types/3002/private-links';
const calls = () => sentRequests().map((request) => `${request.method} ${request.path}`);

describe('eventTypes private links', () => {
  it('creates a usage-based link without a version header, lists, updates and deletes it', async () => {
    const client = createTestClient();
    const link = await client.eventTypes.privateLinks.create(3002, { maxUsageCount: 3 });
    expect(link).toEqual({
      linkId: link.linkId,
      eventTypeId: 3002,
      isExpired: false,
      bookingUrl: `https://cal.com/d/${link.linkId}/thirty-minutes`,
      expiresAt: null,
      maxUsageCount: 3,
      usageCount: 0,
    });
    expect(sentRequests()).toEqual([
      { method: 'GET', path: PATH, query: {}, version: undefined, body: undefined },
      { method: 'POST', path: PATH, query: {}, version: undefined, body: { maxUsageCount: 3 } },
    ]);
    expect(await client.eventTypes.privateLinks.list(3002)).toEqual([link]);
    const updated = await client.eventTypes.privateLinks.update(3002, link.linkId, {
      expiresAt: '2026-12-31T23:59:59+01:00',
    });
    expect(updated).toMatchObject({ expiresAt: '2026-12-31T22:59:59.000Z', maxUsageCount: null, usageCount: null });
    expect(sentRequests().at(-1)?.body).toEqual({ expiresAt: '2026-12-31T22:59:59.000Z' });
    await client.eventTypes.privateLinks.delete(3002, link.linkId);
    expect(await client.eventTypes.privateLinks.list(3002)).toEqual([]);
    await expect(client.eventTypes.privateLinks.delete(3002, link.linkId)).rejects.toBeInstanceOf(CalComNotFoundError);
  });

  it('creates a one-time link when no limit is given', async () => {
    const client = createTestClient();
    expect(await client.eventTypes.privateLinks.create(3002)).toMatchObject({ maxUsageCount: 1, expiresAt: null });
    expect(sentRequests().at(-1)?.body).toEqual({});
  });

  it.each([
    [{ expiresAt: '2026-12-31T23:59:59Z', maxUsageCount: 2 }, 'maxUsageCount', 'cannot be combined with expiresAt'],
    [{ maxUsageCount: 0 }, 'maxUsageCount', ''],
    [{ expiresAt: 'tomorrow' }, 'expiresAt', 'is not an ISO 8601 time'],
  ])('refuses bad limits before sending (%#)', async (input, path, text) => {
    const client = createTestClient();
    const error = await client.eventTypes.privateLinks.create(3002, input).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComValidationError);
    expect((error as CalComValidationError).issues[0]?.path).toBe(path);
    expect((error as CalComValidationError).issues[0]?.message).toContain(text);
    expect(sentRequests()).toEqual([]);
  });

  it('refuses an update without a change, a bad link id and a bad event type id', async () => {
    const client = createTestClient();
    await expect(client.eventTypes.privateLinks.update(3002, 'abc', {})).rejects.toThrow(
      'expiresAt: no change given. Pass expiresAt (time-based link) or maxUsageCount (usage-based).',
    );
    await expect(client.eventTypes.privateLinks.delete(3002, '../x')).rejects.toBeInstanceOf(CalComValidationError);
    await expect(client.eventTypes.privateLinks.list(-1)).rejects.toBeInstanceOf(CalComValidationError);
    expect(sentRequests()).toEqual([]);
  });
});

describe('private link writes after an ambiguous failure', () => {
  it('returns the link a create made before failing, found as the new one', async () => {
    const client = createTestClient();
    simulator().faults.add({ method: 'POST', path: PATH, fault: { type: 'commit-then-fail', outcome: 'reset' } });
    const link = await client.eventTypes.privateLinks.create(3002, { maxUsageCount: 2 });
    expect(link.maxUsageCount).toBe(2);
    expect(calls()).toEqual([`GET ${PATH}`, `POST ${PATH}`, `GET ${PATH}`]);
  });

  it('says how to check when the new link cannot be found', async () => {
    const client = createTestClient();
    simulator().faults.add({ method: 'POST', path: PATH, times: 1, fault: { type: 'server-error' } });
    const error = await client.eventTypes.privateLinks.create(3002).catch((caught: unknown) => caught);
    expect((error as CalComUnknownOutcomeError).howToCheck).toBe(
      'Check with eventTypes.privateLinks.list(3002) for a new link before creating it again.',
    );
  });

  it('confirms an update and a delete by reading the links back', async () => {
    const client = createTestClient();
    const link = await client.eventTypes.privateLinks.create(3002, { maxUsageCount: 2 });
    const linkPath = `${PATH}/${link.linkId}`;
    simulator().faults.add({ method: 'PATCH', path: linkPath, fault: { type: 'commit-then-fail', outcome: 'reset' } });
    expect((await client.eventTypes.privateLinks.update(3002, link.linkId, { maxUsageCount: 4 })).maxUsageCount).toBe(
      4,
    );
    simulator().faults.add({ method: 'DELETE', path: linkPath, fault: { type: 'commit-then-fail', outcome: 'reset' } });
    await client.eventTypes.privateLinks.delete(3002, link.linkId);
    expect(simulator().state.eventTypes.length).toBeGreaterThan(0);
    expect(await client.eventTypes.privateLinks.list(3002)).toEqual([]);
  });

  it('sends an update or delete again once reading back shows it did not happen', async () => {
    const client = createTestClient();
    const link = await client.eventTypes.privateLinks.create(3002, { expiresAt: '2026-12-01T00:00:00Z' });
    const linkPath = `${PATH}/${link.linkId}`;
    simulator().faults.add({ method: 'PATCH', path: linkPath, times: 1, fault: { type: 'server-error' } });
    const updated = await client.eventTypes.privateLinks.update(3002, link.linkId, {
      expiresAt: '2026-12-02T00:00:00Z',
    });
    expect(updated.expiresAt).toBe('2026-12-02T00:00:00.000Z');
    simulator().faults.add({ method: 'DELETE', path: linkPath, times: 1, fault: { type: 'server-error' } });
    await client.eventTypes.privateLinks.delete(3002, link.linkId);
    expect(calls().slice(-6)).toEqual([
      `PATCH ${linkPath}`,
      `GET ${PATH}`,
      `PATCH ${linkPath}`,
      `DELETE ${linkPath}`,
      `GET ${PATH}`,
      `DELETE ${linkPath}`,
    ]);
    expect(await client.eventTypes.privateLinks.list(3002)).toEqual([]);
  });

  it('says how to check an update or delete that cannot be read back', async () => {
    const client = createTestClient();
    const link = await client.eventTypes.privateLinks.create(3002, { maxUsageCount: 2 });
    const linkPath = `${PATH}/${link.linkId}`;
    simulator().faults.add({ method: 'PATCH', path: linkPath, fault: { type: 'reset' } });
    simulator().faults.add({ method: 'DELETE', path: linkPath, fault: { type: 'reset' } });
    simulator().faults.add({ method: 'GET', path: PATH, fault: { type: 'html-502' } });
    const update = await client.eventTypes.privateLinks
      .update(3002, link.linkId, { maxUsageCount: 4 }, { maxRetries: 0 })
      .catch((caught: unknown) => caught);
    expect((update as CalComUnknownOutcomeError).howToCheck).toBe(
      `Check with eventTypes.privateLinks.list(3002) whether link ${link.linkId} has the new value; otherwise update it again.`,
    );
    const deletion = await client.eventTypes.privateLinks
      .delete(3002, link.linkId, { maxRetries: 0 })
      .catch((caught: unknown) => caught);
    expect((deletion as CalComUnknownOutcomeError).howToCheck).toBe(
      `Check with eventTypes.privateLinks.list(3002) whether link ${link.linkId} is still listed; if it is, delete it again.`,
    );
  });
});
