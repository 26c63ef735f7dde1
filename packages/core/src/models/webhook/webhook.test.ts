import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { WEBHOOK_TRIGGERS, type WebhookDto, WebhookSchema } from './webhook';

const webhook = {
  id: 5,
  userId: 10,
  subscriberUrl: 'https://example.com/hook',
  active: true,
  triggers: ['BOOKING_CREATED'],
  payloadTemplate: '{"a":1}',
  secret: 'shh',
} satisfies WebhookDto;

describe('WebhookSchema', () => {
  it('maps a webhook without copying its secret', () => {
    const parsed = v.parse(WebhookSchema, webhook);
    expect(parsed).toEqual({
      id: '5',
      userId: 10,
      subscriberUrl: 'https://example.com/hook',
      active: true,
      triggers: ['BOOKING_CREATED'],
      payloadTemplate: '{"a":1}',
      hasSecret: true,
    });
    expect(JSON.stringify(parsed)).not.toContain('shh');
  });

  it('handles a webhook without secret or template and round-trips', () => {
    const parsed = v.parse(WebhookSchema, {
      ...webhook,
      id: 'abc',
      secret: undefined,
      payloadTemplate: null,
      userId: null,
    });
    expect(parsed).toMatchObject({ id: 'abc', hasSecret: false, payloadTemplate: null, userId: null });
    expect(JSON.parse(JSON.stringify(parsed))).toEqual(parsed);
  });

  it('names the path of a wrong field and lists the triggers', () => {
    const result = v.safeParse(WebhookSchema, { ...webhook, active: 'yes' });
    expect(result.issues?.map((issue) => v.getDotPath(issue))).toEqual(['active']);
    expect(WEBHOOK_TRIGGERS).toContain('BOOKING_RESCHEDULED');
  });
});
