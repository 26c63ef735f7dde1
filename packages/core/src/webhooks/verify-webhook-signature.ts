import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header value Cal.com sends in `X-Cal-Signature-256` when the webhook has no secret. */
export const NO_SECRET_SIGNATURE = 'no-secret-provided';

/**
 * Verifies the `X-Cal-Signature-256` header of a Cal.com webhook delivery.
 *
 * Hint: Cal.com signs the exact raw body with HMAC-SHA256 and sends the lowercase hex digest (no `sha256=` prefix, no
 * timestamp). Pass the body exactly as received, before `JSON.parse`. A webhook created without a secret is sent with
 * the literal header `no-secret-provided`; that header is accepted only when `secret` is empty, because anyone can
 * send it. The comparison is constant-time (`crypto.timingSafeEqual`).
 *
 * @example
 * ```ts
 * const ok = verifyWebhookSignature(rawBody, request.headers['x-cal-signature-256'], process.env.CAL_WEBHOOK_SECRET ?? '');
 * if (!ok) return response.status(401).end();
 * ```
 *
 * @param rawBody The raw request body (string or bytes).
 * @param signatureHeader The `X-Cal-Signature-256` header value.
 * @param secret The webhook secret ('' when the webhook has none).
 * @returns Whether the signature is valid.
 */
export function verifyWebhookSignature(
  rawBody: string | Uint8Array,
  signatureHeader: string | string[] | null | undefined,
  secret: string,
): boolean {
  const header = Array.isArray(signatureHeader) ? signatureHeader[0] : signatureHeader;
  if (typeof header !== 'string') {
    return false;
  }
  const signature = header.trim();
  if (secret === '') {
    return signature === NO_SECRET_SIGNATURE;
  }
  if (!/^[0-9a-f]{64}$/.test(signature)) {
    return false;
  }
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}
