import { describe, expect, it } from 'vitest';
import { createContractHarness, dataOf, expectGroupCovered } from './simulator-harness';

interface LinkOutput {
  readonly linkId: string;
  readonly eventTypeId: number;
  readonly isExpired: boolean;
  readonly maxUsageCount?: number;
  readonly expiresAt?: string;
}

describe('simulator /v2/event-types/{eventTypeId}/private-links against the contract', () => {
  const harness = createContractHarness();
  const path = '/v2/event-types/3002/private-links';
  let linkId = '';

  it('POST creates a usage-based link', async () => {
    const link = dataOf<LinkOutput>(
      await harness.expectValid({ method: 'POST', path, body: { maxUsageCount: 3 } }, 201),
    );
    expect(link).toMatchObject({ eventTypeId: 3002, isExpired: false, maxUsageCount: 3, usageCount: 0 });
    linkId = link.linkId;
  });

  it('POST creates a time-based link', async () => {
    const link = dataOf<LinkOutput>(
      await harness.expectValid({ method: 'POST', path, body: { expiresAt: '2030-12-31T23:59:59.000Z' } }, 201),
    );
    expect(link).toMatchObject({ isExpired: false, expiresAt: '2030-12-31T23:59:59.000Z' });
  });

  it('GET lists both', async () => {
    const links = dataOf<LinkOutput[]>(await harness.expectValid({ method: 'GET', path }, 200));
    expect(links).toHaveLength(2);
  });

  it('PATCH changes the limit', async () => {
    const link = dataOf<LinkOutput>(
      await harness.expectValid({ method: 'PATCH', path: `${path}/${linkId}`, body: { maxUsageCount: 5 } }, 200),
    );
    expect(link.maxUsageCount).toBe(5);
  });

  it('DELETE removes it', async () => {
    const body = await harness.expectValid({ method: 'DELETE', path: `${path}/${linkId}` }, 200);
    expect(body).toEqual({ status: 'success', data: { linkId, message: 'Private link deleted successfully' } });
  });

  it('covers every private-links route', () => {
    expectGroupCovered(harness, 'privateLinks');
  });
});
