import { buildWebhook, success } from '@calcom-int/testkit/fixtures';
import { respondOnce } from '@calcom-int/testkit/msw';
import { server, simulator } from '@calcom-int/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { CalComNotFoundError } from '../../errors/api-error';
import { CalComValidationError } from '../../errors/validation-error';
import { createTestClient, sentRequests } from '../common/test-client';

describe('listWebhooks', () => {
  it('lists the webhooks', async () => {
    const client = createTestClient();
    expect(await client.listWebhooks()).toEqual([
      {
        id: '8001',
        userId: 1001,
        subscriberUrl: 'https://hooks.example.com/cal',
        active: true,
        triggers: ['BOOKING_CREATED', 'BOOKING_RESCHEDULED', 'BOOKING_CANCELLED'],
        payloadTemplate: '',
        hasSecret: false,
      },
    ]);
    expect(sentRequests()).toEqual([
      { method: 'GET', path: '/v2/webhooks', query: { take: '250', skip: '0' }, version: undefined, body: undefined },
    ]);
  });

  it('fetches the next page while pages are full', async () => {
    const fullPage = Array.from({ length: 250 }, (_, index) => buildWebhook({ id: 9000 + index }));
    server.use(respondOnce('GET', '/v2/webhooks', 200, success(fullPage)));
    const client = createTestClient();
    // The simulator holds one webhook, so the page at skip 250 is empty.
    expect(await client.listWebhooks()).toHaveLength(250);
    expect(sentRequests().map((request) => request.query.skip)).toEqual(['250']);
  });
});

describe('createWebhook', () => {
  it('creates an active webhook with a secret', async () => {
    const client = createTestClient();
    const webhook = await client.createWebhook({
      subscriberUrl: 'https://example.com/cal',
      triggers: ['BOOKING_CREATED'],
      secret: 'whsec_1',
      payloadTemplate: '{"type":"{{type}}"}',
    });
    expect(webhook).toMatchObject({
      subscriberUrl: 'https://example.com/cal',
      triggers: ['BOOKING_CREATED'],
      active: true,
      hasSecret: true,
      payloadTemplate: '{"type":"{{type}}"}',
    });
    expect(JSON.stringify(webhook)).not.toContain('whsec_1');
    expect(simulator().state.webhooks).toHaveLength(2);
    expect(sentRequests()).toEqual([
      {
        method: 'POST',
        path: '/v2/webhooks',
        query: {},
        version: undefined,
        body: {
          subscriberUrl: 'https://example.com/cal',
          triggers: ['BOOKING_CREATED'],
          active: true,
          payloadTemplate: '{"type":"{{type}}"}',
          secret: 'whsec_1',
        },
      },
    ]);
  });

  it('sends active: false when asked', async () => {
    const client = createTestClient();
    await client.createWebhook({
      subscriberUrl: 'http://localhost:3000/hook',
      triggers: ['MEETING_ENDED'],
      active: false,
    });
    expect(sentRequests()[0]?.body).toEqual({
      subscriberUrl: 'http://localhost:3000/hook',
      triggers: ['MEETING_ENDED'],
      active: false,
    });
  });

  it.each([
    [{ subscriberUrl: 'ftp://example.com', triggers: ['BOOKING_CREATED'] }, 'subscriberUrl'],
    [{ subscriberUrl: 'https://', triggers: ['BOOKING_CREATED'] }, 'subscriberUrl'],
    [{ subscriberUrl: 'https://example.com', triggers: [] }, 'triggers'],
    [{ subscriberUrl: 'https://example.com', triggers: ['BOOKING_DONE'] }, 'triggers.0'],
    [{ subscriberUrl: 'https://example.com', triggers: ['BOOKING_CREATED'], active: 'yes' }, 'active'],
    [{ subscriberUrl: 'https://example.com', triggers: ['BOOKING_CREATED'], secret: '' }, 'secret'],
    [{ subscriberUrl: 'https://example.com', triggers: ['BOOKING_CREATED'], payloadTemplate: '' }, 'payloadTemplate'],
  ])('refuses %j without sending', async (input, path) => {
    const client = createTestClient();
    const error = await client.createWebhook(input as never).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComValidationError);
    expect((error as CalComValidationError).issues[0]?.path).toBe(path);
    expect(sentRequests()).toEqual([]);
  });

  it('refuses a non-object input', async () => {
    await expect(createTestClient().createWebhook(null as never)).rejects.toThrow('Invalid input');
  });
});

describe('deleteWebhook', () => {
  it('deletes by numeric or string id', async () => {
    const client = createTestClient();
    await expect(client.deleteWebhook(8001)).resolves.toBeUndefined();
    expect(simulator().state.webhooks).toHaveLength(0);
    await expect(client.deleteWebhook('8001')).rejects.toBeInstanceOf(CalComNotFoundError);
    expect(sentRequests().map((request) => `${request.method} ${request.path}`)).toEqual([
      'DELETE /v2/webhooks/8001',
      'DELETE /v2/webhooks/8001',
    ]);
  });

  it('refuses an empty id', async () => {
    await expect(createTestClient().deleteWebhook('')).rejects.toThrow('Invalid id');
  });
});
