import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { WebhookSchema } from '../webhook';
import { CountSchema, IdSchema, StringIdSchema } from './id';

describe('IdSchema', () => {
  it('accepts positive safe integers', () => {
    for (const id of [1, 3002, Number.MAX_SAFE_INTEGER]) expect(v.parse(IdSchema, id)).toBe(id);
  });

  it('refuses 1e308, 0, negatives, fractions, unsafe integers, NaN, Infinity and strings', () => {
    for (const id of [1e308, 0, -0, -7, 1.5, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, '5']) {
      expect(v.safeParse(IdSchema, id).success).toBe(false);
    }
  });
});

describe('CountSchema', () => {
  it('accepts 0 and positive safe integers, refuses the rest', () => {
    expect([0, 1, 250].map((count) => v.parse(CountSchema, count))).toEqual([0, 1, 250]);
    for (const count of [-1, 0.5, 1e308, '3']) expect(v.safeParse(CountSchema, count).success).toBe(false);
  });
});

describe('StringIdSchema', () => {
  it('accepts what a path may carry and refuses the rest', () => {
    expect(v.parse(StringIdSchema, 'wh_8f3k-Q2')).toBe('wh_8f3k-Q2');
    for (const id of ['', '../me', 'a/b', 'a b', '%2e', 'x'.repeat(256)]) {
      expect(v.safeParse(StringIdSchema, id).success).toBe(false);
    }
  });

  it('is the rule for webhook ids in answers', () => {
    const webhook = { subscriberUrl: 'https://example.com/hook', active: true, triggers: ['BOOKING_CREATED'] };
    expect(v.parse(WebhookSchema, { ...webhook, id: 'wh_1' }).id).toBe('wh_1');
    expect(v.safeParse(WebhookSchema, { ...webhook, id: '../../me' }).success).toBe(false);
    expect(v.safeParse(WebhookSchema, { ...webhook, id: 1e308 }).success).toBe(false);
  });
});
