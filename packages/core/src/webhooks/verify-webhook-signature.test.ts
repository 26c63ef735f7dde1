import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { NO_SECRET_SIGNATURE, verifyWebhookSignature } from './verify-webhook-signature';

const body = JSON.stringify({ triggerEvent: 'BOOKING_CREATED', createdAt: '2026-01-01T00:00:00.000Z', payload: {} });
const secret = 'whsec_test';
const signature = createHmac('sha256', secret).update(body).digest('hex');

describe('verifyWebhookSignature', () => {
  it('accepts the HMAC-SHA256 hex digest of the raw body, as string or bytes', () => {
    expect(verifyWebhookSignature(body, signature, secret)).toBe(true);
    expect(verifyWebhookSignature(new TextEncoder().encode(body), signature, secret)).toBe(true);
    expect(verifyWebhookSignature(body, [signature], secret)).toBe(true);
  });

  it('refuses a changed body, a wrong secret and malformed signatures', () => {
    expect(verifyWebhookSignature(`${body} `, signature, secret)).toBe(false);
    expect(verifyWebhookSignature(body, signature, 'other')).toBe(false);
    expect(verifyWebhookSignature(body, signature.toUpperCase(), secret)).toBe(false);
    expect(verifyWebhookSignature(body, `sha256=${signature}`, secret)).toBe(false);
    expect(verifyWebhookSignature(body, signature.slice(2), secret)).toBe(false);
    expect(verifyWebhookSignature(body, undefined, secret)).toBe(false);
    expect(verifyWebhookSignature(body, null, secret)).toBe(false);
    expect(verifyWebhookSignature(body, [], secret)).toBe(false);
  });

  it('accepts the no-secret header only when no secret is configured', () => {
    expect(verifyWebhookSignature(body, NO_SECRET_SIGNATURE, '')).toBe(true);
    expect(verifyWebhookSignature(body, NO_SECRET_SIGNATURE, secret)).toBe(false);
    expect(verifyWebhookSignature(body, signature, '')).toBe(false);
  });
});
