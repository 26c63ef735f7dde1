import { buildWebhook, success } from '@calcom-int/testkit/fixtures';
import { respondOnce } from '@calcom-int/testkit/msw';
import { server, simulator } from '@calcom-int/testkit/vitest';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createTestClient, sentRequests } from '../../../test/support/test-client';
import { CalComNotFoundError } from '../../errors/api-error';
import { CalComUnexpectedResponseError } from '../../errors/unexpected-response-error';
import { CalComUnknownOutcomeError } from '../../errors/unknown-outcome-error';
import { CalComValidationError } from '../../errors/validation-error';

const LIST = {
  method: 'GET',
  path: '/v2/webhooks',
  query: { take: '250', skip: '0' },
  version: undefined,
  body: undefined,
};

describe('webhooks.list', () => {
  it('lists the webhooks', async () => {
    const client = createTestClient();
    expect(await client.webhooks.list()).toEqual([
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

  it('stops with a typed error when the server ignores skip and repeats full pages', async () => {
    const fullPage = Array.from({ length: 250 }, (_, index) => buildWebhook({ id: 9000 + index }));
    const skips: (string | null)[] = [];
    server.use(
      http.get('https://api.cal.com/v2/webhooks', ({ request }) => {
        skips.push(new URL(request.url).searchParams.get('skip'));
        return HttpResponse.json(success(fullPage));
      }),
    );
    const client = createTestClient();
    await expect(client.webhooks.list()).rejects.toBeInstanceOf(CalComUnexpectedResponseError);
    // skip advances by the items received; after the first page, MAX_STALLED_PAGES (3) full pages brought nothing new.
    expect(skips).toEqual(['0', '250', '500', '750']);
  });

  it('fetches the next page while pages are full', async () => {
    const fullPage = Array.from({ length: 250 }, (_, index) => buildWebhook({ id: 9000 + index }));
    server.use(respondOnce('GET', '/v2/webhooks', 200, success(fullPage)));
    const client = createTestClient();
    // The simulator holds one webhook, so the page at skip 250 is empty.
    expect(await client.webhooks.list()).toHaveLength(250);
    expect(sentRequests().map((request) => request.query.skip)).toEqual(['250']);
  });
});

describe('webhooks.create', () => {
  it('creates an active webhook with a secret', async () => {
    const client = createTestClient();
    const webhook = await client.webhooks.create({
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
      LIST,
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
    await client.webhooks.create({
      subscriberUrl: 'http://localhost:3000/hook',
      triggers: ['MEETING_ENDED'],
      active: false,
    });
    expect(sentRequests()[1]?.body).toEqual({
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
    const error = await client.webhooks.create(input as never).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComValidationError);
    expect((error as CalComValidationError).issues[0]?.path).toBe(path);
    expect(sentRequests()).toEqual([]);
  });

  it('refuses a non-object input', async () => {
    await expect(createTestClient().webhooks.create(null as never)).rejects.toThrow('Invalid input');
  });
});

describe('webhooks.delete', () => {
  it('deletes by numeric or string id', async () => {
    const client = createTestClient();
    await expect(client.webhooks.delete(8001)).resolves.toBeUndefined();
    expect(simulator().state.webhooks).toHaveLength(0);
    await expect(client.webhooks.delete('8001')).rejects.toBeInstanceOf(CalComNotFoundError);
    expect(sentRequests().map((request) => `${request.method} ${request.path}`)).toEqual([
      'DELETE /v2/webhooks/8001',
      'DELETE /v2/webhooks/8001',
    ]);
  });

  it('refuses an empty id', async () => {
    await expect(createTestClient().webhooks.delete('')).rejects.toThrow('Invalid id');
  });
});

describe('webhook writes after an ambiguous failure', () => {
  const input = { subscriberUrl: 'https://example.com/cal', triggers: ['BOOKING_CREATED', 'BOOKING_CANCELLED'] };
  const calls = () => sentRequests().map((request) => `${request.method} ${request.path}`);
  const atUrl = () => simulator().state.webhooks.filter((webhook) => webhook.subscriberUrl === input.subscriberUrl);

  it.each(['server-error', 'reset'] as const)(
    'returns the webhook a create made before failing (%s), found as the one new webhook like it',
    async (outcome) => {
      const client = createTestClient();
      simulator().faults.add({ method: 'POST', path: '/v2/webhooks', fault: { type: 'commit-then-fail', outcome } });
      const webhook = await client.webhooks.create({ ...input, triggers: ['BOOKING_CANCELLED', 'BOOKING_CREATED'] });
      expect(webhook).toMatchObject({ subscriberUrl: input.subscriberUrl, active: true, hasSecret: false });
      expect(atUrl().map((candidate) => String(candidate.id))).toEqual([webhook.id]);
      expect(calls()).toEqual(['GET /v2/webhooks', 'POST /v2/webhooks', 'GET /v2/webhooks']);
    },
  );

  it('finds the webhook it made when Cal.com lists its triggers in another order', async () => {
    const client = createTestClient();
    simulator().faults.add({
      method: 'POST',
      path: '/v2/webhooks',
      fault: { type: 'commit-then-fail', outcome: 'server-error' },
    });
    server.use(
      http.get('https://api.cal.com/v2/webhooks', async ({ request }) => {
        const result = await simulator().handle(request);
        if (!(result instanceof Response)) return HttpResponse.error();
        const body = (await result.json()) as { data: { triggers: string[] }[] };
        for (const webhook of body.data) webhook.triggers.reverse();
        return HttpResponse.json(body);
      }),
    );
    const webhook = await client.webhooks.create(input);
    expect(webhook.triggers).toEqual(['BOOKING_CANCELLED', 'BOOKING_CREATED']);
    expect(atUrl()).toHaveLength(1);
  });

  it('never takes a webhook that existed before the call for the one it made', async () => {
    const client = createTestClient();
    const earlier = await client.webhooks.create(input);
    simulator().faults.add({ method: 'POST', path: '/v2/webhooks', times: 1, fault: { type: 'server-error' } });
    const error = await client.webhooks.create(input).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComUnknownOutcomeError);
    expect((error as CalComUnknownOutcomeError).howToCheck).toBe(
      'Check with webhooks.list() for a webhook with subscriberUrl "https://example.com/cal" before creating it again.',
    );
    expect(atUrl().map((candidate) => String(candidate.id))).toEqual([earlier.id]);
  });

  it.each([
    ['another URL', { subscriberUrl: 'https://example.com/other' }],
    ['other triggers', { triggers: ['BOOKING_CREATED'] }],
    ['another state', { active: false }],
    ['another payload template', { payloadTemplate: '{}' }],
    ['a secret', { secret: 'whsec_2' }],
  ])('does not take a new webhook with %s for the one it made', async (_name, difference) => {
    const client = createTestClient();
    const request = { ...input, payloadTemplate: '{"a":1}' };
    server.use(
      http.post(
        'https://api.cal.com/v2/webhooks',
        async () => {
          // Someone else creates a similar webhook while ours fails.
          await createTestClient().webhooks.create({ ...request, ...difference });
          return HttpResponse.json({ statusCode: 500, message: 'Internal server error' }, { status: 500 });
        },
        { once: true },
      ),
    );
    await expect(client.webhooks.create(request)).rejects.toBeInstanceOf(CalComUnknownOutcomeError);
    expect(simulator().state.webhooks).toHaveLength(2);
  });

  it.each(['server-error', 'reset'] as const)(
    'reports a delete Cal.com made before failing (%s) as done: reading back answers 404',
    async (outcome) => {
      const client = createTestClient();
      simulator().faults.add({
        method: 'DELETE',
        path: '/v2/webhooks/8001',
        fault: { type: 'commit-then-fail', outcome },
      });
      await expect(client.webhooks.delete('8001')).resolves.toBeUndefined();
      expect(simulator().state.webhooks).toEqual([]);
      expect(calls()).toEqual(['DELETE /v2/webhooks/8001', 'GET /v2/webhooks/8001']);
    },
  );

  it('deletes with a second request once reading back shows the webhook is still there', async () => {
    const client = createTestClient();
    simulator().faults.add({ method: 'DELETE', path: '/v2/webhooks/8001', times: 1, fault: { type: 'server-error' } });
    await client.webhooks.delete(8001);
    expect(simulator().state.webhooks).toEqual([]);
    expect(calls()).toEqual(['DELETE /v2/webhooks/8001', 'GET /v2/webhooks/8001', 'DELETE /v2/webhooks/8001']);
  });

  it('takes a 404 to the second delete as the first one landing late, and reports it deleted', async () => {
    const client = createTestClient();
    let deletes = 0;
    server.use(
      http.delete('https://api.cal.com/v2/webhooks/8001', async ({ request }) => {
        deletes += 1;
        if (deletes === 1) return HttpResponse.json({ statusCode: 503, message: 'Unavailable' }, { status: 503 });
        await simulator().handle(request.clone());
        const result = await simulator().handle(request);
        return result instanceof Response ? result : HttpResponse.error();
      }),
    );
    await expect(client.webhooks.delete(8001, { maxRetries: 0 })).resolves.toBeUndefined();
    expect(simulator().state.webhooks).toEqual([]);
    expect(calls()).toEqual([
      'GET /v2/webhooks/8001',
      'DELETE /v2/webhooks/8001',
      'DELETE /v2/webhooks/8001',
      'GET /v2/webhooks/8001',
    ]);
  });

  it('says the outcome of a delete is unknown when the webhook cannot be read back', async () => {
    const client = createTestClient();
    simulator().faults.add({ method: 'DELETE', path: '/v2/webhooks/8001', fault: { type: 'reset' } });
    simulator().faults.add({ method: 'GET', path: '/v2/webhooks/8001', fault: { type: 'html-502' } });
    const error = await client.webhooks.delete(8001, { maxRetries: 0 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComUnknownOutcomeError);
    expect((error as CalComUnknownOutcomeError).howToCheck).toBe(
      'Check with webhooks.list() whether webhook 8001 is still listed; if it is, delete it again.',
    );
  });
});
