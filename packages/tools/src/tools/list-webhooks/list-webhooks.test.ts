import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, expectOk, useFixedSimulator } from '../../../test/support';
import { runTool } from '../../run-tool';
import { listWebhooks } from './list-webhooks';

describe('list_webhooks', () => {
  beforeEach(() => useFixedSimulator());

  it('lists the webhooks', async () => {
    const result = expectOk(await runTool(listWebhooks, {}, createTestContext()));
    expect(result.text).toBe(
      '1 webhook.\nwebhook_id 8001 | "https://hooks.example.com/cal" | BOOKING_CREATED,BOOKING_RESCHEDULED,BOOKING_CANCELLED | active | unsigned',
    );
  });
});
