import { simulator } from '@calcom-int/testkit/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, expectFailure, expectOk, useFixedSimulator } from '../../../test/support';
import { runTool } from '../../run-tool';
import { createPrivateLink } from '../create-private-link/create-private-link';
import { deletePrivateLink } from '../delete-private-link/delete-private-link';
import { listPrivateLinks } from './list-private-links';

describe('private link tools', () => {
  beforeEach(() => useFixedSimulator());

  it('creates single-use, limited and expiring links, lists and deletes them', async () => {
    const context = createTestContext();
    const once = expectOk(await runTool(createPrivateLink, { event_type_id: 3002 }, context));
    const linkId = (once.structured as { privateLink: { linkId: string } }).privateLink.linkId;
    expect(once.text).toBe(
      `Created link_id ${linkId} | https://cal.com/d/${linkId}/thirty-minutes | used 0 of 1 | usable`,
    );
    const timed = expectOk(
      await runTool(createPrivateLink, { event_type_id: 3002, expires_at: '2026-11-24T00:00:00Z' }, context),
    );
    expect(timed.text).toMatch(/\| expires 2026-11-24T00:00:00.000Z \| EXPIRED$/);
    const list = expectOk(await runTool(listPrivateLinks, { event_type_id: 3002 }, context));
    expect(list.text.split('\n')[0]).toBe('2 private links.');
    const deleted = expectOk(await runTool(deletePrivateLink, { event_type_id: 3002, link_id: linkId }, context));
    expect(deleted.text).toBe(`Deleted private link ${linkId} of event_type_id 3002.`);
    expect(deletePrivateLink.needsApproval).toBe(true);
  });

  it('refuses both limits at once, naming max_uses', async () => {
    const result = expectFailure(
      await runTool(
        createPrivateLink,
        { event_type_id: 3002, expires_at: '2026-12-01T00:00:00Z', max_uses: 2 },
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

  it('reports another user’s event type as not found', async () => {
    const result = expectFailure(await runTool(listPrivateLinks, { event_type_id: 3501 }, createTestContext()));
    expect(result.error.kind).toBe('not_found');
  });
});
