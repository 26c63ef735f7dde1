import { simulator } from '@calcom-int/testkit/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, expectFailure, expectOk, useFixedSimulator } from '../../../test/support';
import { runTool } from '../../run-tool';
import { createWebhook } from './create-webhook';

describe('create_webhook', () => {
  beforeEach(() => useFixedSimulator());

  it('creates a signed webhook without echoing the secret', async () => {
    const result = expectOk(
      await runTool(
        createWebhook,
        { subscriber_url: 'https://example.com/cal', triggers: ['BOOKING_CREATED'], secret: 'whsec_x' },
        createTestContext(),
      ),
    );
    expect(result.text).toBe('Created webhook_id 8002 | "https://example.com/cal" | BOOKING_CREATED | active | signed');
    expect(JSON.stringify(result)).not.toContain('whsec_x');
  });

  it('refuses an unknown trigger and a non-http URL, naming the fields', async () => {
    const trigger = expectFailure(
      await runTool(
        createWebhook,
        { subscriber_url: 'https://example.com/cal', triggers: ['BOOKING_MADE'] },
        createTestContext(),
      ),
    );
    expect(trigger.error.issues?.[0]?.field).toBe('triggers.0');
    expect(trigger.error.issues?.[0]?.message).toMatch(
      /^"BOOKING_MADE" is not a webhook trigger\. Use BOOKING_CREATED, /,
    );
    const url = expectFailure(
      await runTool(createWebhook, { subscriber_url: 'ftp://x', triggers: ['BOOKING_CREATED'] }, createTestContext()),
    );
    expect(url.error.issues).toEqual([
      {
        field: 'subscriber_url',
        message:
          '"ftp://x" is not an http(s) URL. Pass the absolute URL of your endpoint, e.g. https://example.com/cal-webhook.',
      },
    ]);
    expect(simulator().requests.filter((request) => request.method === 'POST')).toEqual([]);
  });
});
