import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CalComConfigError } from '../errors/config-error';
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

  it('never accepts the no-secret header, which anyone can send', () => {
    expect(verifyWebhookSignature(body, NO_SECRET_SIGNATURE, secret)).toBe(false);
    expect(verifyWebhookSignature(body, [NO_SECRET_SIGNATURE], secret)).toBe(false);
  });

  it.each([
    ['an empty string', ''],
    ['a blank string', '   '],
    ['undefined', undefined],
    ['null', null],
    ['a value of type number', 42],
  ])('refuses a secret that is %s with a CalComConfigError naming secret, never a TypeError', (got, missing) => {
    // The forged headers an empty secret used to let through: the no-secret marker and an HMAC under the empty key.
    const forged = [NO_SECRET_SIGNATURE, createHmac('sha256', '').update(body).digest('hex')];
    for (const header of forged) {
      let caught: unknown;
      try {
        verifyWebhookSignature(body, header, missing as string);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(CalComConfigError);
      const error = caught as CalComConfigError;
      expect(error.field).toBe('secret');
      expect(error.message).toBe(
        `verifyWebhookSignature needs the webhook's secret, got ${got === 'a blank string' ? 'an empty string' : got}. Pass the secret you gave the webhook in webhooks.create({ secret }) (e.g. read CAL_WEBHOOK_SECRET at startup and stop when it is missing). A webhook without a secret cannot be verified: its header "no-secret-provided" can be sent by anyone, so give the webhook a secret.`,
      );
    }
  });

  it.each([
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['a parsed object', { triggerEvent: 'BOOKING_CREATED' }],
    ['an ArrayBuffer', new TextEncoder().encode(body).buffer],
    ['an array of bytes', [...new TextEncoder().encode(body)]],
  ])('returns false, never a TypeError, for a body that is %s', (_kind, rawBody) => {
    expect(verifyWebhookSignature(rawBody as unknown as string, signature, secret)).toBe(false);
  });

  it('accepts a Buffer body', () => {
    expect(verifyWebhookSignature(Buffer.from(body), signature, secret)).toBe(true);
  });

  it.each([
    ['a number', 42],
    ['an object', { value: 'x' }],
    ['an array of a non-string', [42]],
    ['an empty string', ''],
    ['a boolean', true],
  ])('returns false, never a TypeError, for a signature header that is %s', (_kind, header) => {
    expect(verifyWebhookSignature(body, header as unknown as string, secret)).toBe(false);
  });
});
