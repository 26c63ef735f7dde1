import { simulator } from '@calcom-int/testkit/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, expectFailure, expectOk, useFixedSimulator } from '../../../test/support';
import { runTool } from '../../run-tool';
import { updatePrivateLink } from './update-private-link';

describe('update_private_link', () => {
  beforeEach(() => useFixedSimulator());

  it('changes a link’s limit with one PATCH and shows the link', async () => {
    const result = expectOk(
      await runTool(
        updatePrivateLink,
        { event_type_id: 3003, link_id: 'c0ffee000001', max_uses: 5 },
        createTestContext(),
      ),
    );
    expect(result.text).toBe(
      'Updated link_id c0ffee000001 | https://cal.com/d/c0ffee000001/consultation | used 0 of 5 | usable',
    );
    expect(result.structured).toEqual({
      privateLink: {
        linkId: 'c0ffee000001',
        eventTypeId: 3003,
        isExpired: false,
        bookingUrl: 'https://cal.com/d/c0ffee000001/consultation',
        expiresAt: null,
        maxUsageCount: 5,
        usageCount: 0,
      },
    });
    const writes = simulator().requests.filter((request) => request.method !== 'GET');
    expect(writes.map((request) => [request.method, request.path, request.body])).toEqual([
      ['PATCH', '/v2/event-types/3003/private-links/c0ffee000001', { maxUsageCount: 5 }],
    ]);
    expect(updatePrivateLink.needsApproval).toBe(true);
    expect(updatePrivateLink.annotations.idempotentHint).toBe(true);
  });

  it('moves an expiry, sent in UTC', async () => {
    const result = expectOk(
      await runTool(
        updatePrivateLink,
        { event_type_id: 3003, link_id: 'c0ffee000001', expires_at: '2027-01-31T18:00:00+01:00' },
        createTestContext(),
      ),
    );
    expect(result.text).toBe(
      'Updated link_id c0ffee000001 | https://cal.com/d/c0ffee000001/consultation | expires 2027-01-31T17:00:00.000Z | usable',
    );
    expect(simulator().requests.filter((request) => request.method === 'PATCH')[0]?.body).toEqual({
      expiresAt: '2027-01-31T17:00:00.000Z',
    });
  });

  it('asks for a change when neither limit is given, naming expires_at', async () => {
    const result = expectFailure(
      await runTool(updatePrivateLink, { event_type_id: 3003, link_id: 'c0ffee000001' }, createTestContext()),
    );
    expect(result.error.issues).toEqual([
      { field: 'expires_at', message: 'no change given. Give expires_at or max_uses' },
    ]);
    expect(simulator().requests).toEqual([]);
  });

  it('refuses both limits at once, naming max_uses', async () => {
    const result = expectFailure(
      await runTool(
        updatePrivateLink,
        { event_type_id: 3003, link_id: 'c0ffee000001', expires_at: '2027-01-01T00:00:00Z', max_uses: 2 },
        createTestContext(),
      ),
    );
    expect(result.error.issues).toEqual([
      {
        field: 'max_uses',
        message: 'a private link is either time-based or usage-based. Give expires_at or max_uses, not both',
      },
    ]);
    expect(simulator().requests).toEqual([]);
  });

  it('reports an unknown link as not found', async () => {
    const result = expectFailure(
      await runTool(
        updatePrivateLink,
        { event_type_id: 3003, link_id: 'deadbeef0000', max_uses: 2 },
        createTestContext(),
      ),
    );
    expect(result.error.kind).toBe('not_found');
    expect(result.text).toBe(
      'Not found (404): "Private link with id deadbeef0000 not found.": nothing with that id is visible to this account. Check the id: take it from list_bookings, list_event_types or list_teams; never invent ids.',
    );
  });
});
