import { describe, expect, it } from 'vitest';
import { callSimulator } from '../../../test/support/call-simulator';
import { createCalComSimulator } from '../create-simulator';
import { SECOND_API_KEY } from '../seed';

describe('webhooks', () => {
  it('creates, lists, reads, updates and deletes a webhook by string id', async () => {
    const simulator = createCalComSimulator();
    const created = await callSimulator(simulator, 'POST', '/v2/webhooks', {
      body: {
        active: true,
        subscriberUrl: 'https://example.com/hook',
        triggers: ['BOOKING_CREATED'],
        secret: 's3cret',
        version: '2021-10-20',
      },
    });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({
      status: 'success',
      data: {
        id: 8002,
        userId: 1001,
        subscriberUrl: 'https://example.com/hook',
        active: true,
        triggers: ['BOOKING_CREATED'],
        payloadTemplate: '',
        secret: 's3cret',
      },
    });
    const list = await callSimulator(simulator, 'GET', '/v2/webhooks?take=1&skip=1');
    expect((list.json as { data: { id: number }[] }).data.map((webhook) => webhook.id)).toEqual([8002]);
    expect((await callSimulator(simulator, 'GET', '/v2/webhooks/8002')).json).toEqual(created.json);
    const patched = await callSimulator(simulator, 'PATCH', '/v2/webhooks/8002', {
      body: { active: false, version: '2021-10-20' },
    });
    expect(patched.json).toMatchObject({ data: { id: 8002, active: false } });
    expect(patched.json).not.toHaveProperty('data.version');
    expect((await callSimulator(simulator, 'DELETE', '/v2/webhooks/8002')).json).toMatchObject({ data: { id: 8002 } });
    expect((await callSimulator(simulator, 'GET', '/v2/webhooks/8002')).status).toBe(404);
  });

  it("hides other users' webhooks and validates the body", async () => {
    const simulator = createCalComSimulator();
    expect((await callSimulator(simulator, 'GET', '/v2/webhooks/8001', { key: SECOND_API_KEY })).status).toBe(404);
    expect((await callSimulator(simulator, 'GET', '/v2/webhooks', { key: SECOND_API_KEY })).json).toEqual({
      status: 'success',
      data: [],
    });
    const invalid = await callSimulator(simulator, 'POST', '/v2/webhooks', {
      body: { active: 'yes', triggers: ['BOOKING_EXPLODED'] },
    });
    expect(invalid.json).toMatchObject({
      error: {
        details: {
          errors: [
            { property: 'active', constraints: { isBoolean: 'active must be a boolean value' } },
            { property: 'subscriberUrl', constraints: { isDefined: 'subscriberUrl should not be null or undefined' } },
            {
              property: 'triggers',
              constraints: {
                isEnum: expect.stringContaining('triggers.0 must be one of the following values: BOOKING_CREATED'),
              },
            },
          ],
        },
      },
    });
    expect((await callSimulator(simulator, 'GET', '/v2/webhooks?take=300')).status).toBe(400);
  });
});
