import { simulator } from '@calcom-int/testkit/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, expectFailure, expectOk, useFixedSimulator } from '../../../test/support';
import { runTool } from '../../run-tool';
import { deleteWebhook } from './delete-webhook';

describe('delete_webhook', () => {
  beforeEach(() => useFixedSimulator());

  it('deletes a webhook', async () => {
    const result = expectOk(await runTool(deleteWebhook, { webhook_id: '8001' }, createTestContext()));
    expect(result.text).toBe('Deleted webhook_id 8001.');
    expect(simulator().state.webhooks).toEqual([]);
  });

  it('refuses a path trick and reports an unknown webhook as not found', async () => {
    const trick = expectFailure(await runTool(deleteWebhook, { webhook_id: '../me' }, createTestContext()));
    expect(trick.error.kind).toBe('invalid_input');
    const unknown = expectFailure(await runTool(deleteWebhook, { webhook_id: '9999' }, createTestContext()));
    expect(unknown.error.kind).toBe('not_found');
  });
});
