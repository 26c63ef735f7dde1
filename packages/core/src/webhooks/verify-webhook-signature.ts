import { CalComConfigError } from '../errors/config-error';
import { nodeCrypto } from '../internal/node-crypto';

/**
 * The header value Cal.com sends in `X-Cal-Signature-256` when the webhook has no secret. Anyone can send it, so
 * {@link verifyWebhookSignature} never accepts it: give every webhook a secret.
 */
export const NO_SECRET_SIGNATURE = 'no-secret-provided';

/** A hex HMAC-SHA256 digest: 64 lowercase hex digits, as Cal.com sends it. */
const SIGNATURE_PATTERN = /^[0-9a-f]{64}$/;

/**
 * Verifies the `X-Cal-Signature-256` header of a Cal.com webhook delivery.
 *
 * Hint: Cal.com signs the exact raw body with HMAC-SHA256 and sends the lowercase hex digest (no `sha256=` prefix, no
 * timestamp). Pass the body exactly as received, before `JSON.parse`. The secret is required: an empty or missing
 * secret throws `CalComConfigError` (field `secret`) instead of verifying anything, because a webhook without a
 * secret is sent with the literal header `no-secret-provided`, which anyone can forge. A body that is not a string,
 * `Buffer` or `Uint8Array`, or a missing or non-string header, gives `false`. The comparison is constant-time
 * (`crypto.timingSafeEqual`).
 *
 * @example
 * ```ts
 * const secret = process.env.CAL_WEBHOOK_SECRET;
 * if (!secret) throw new Error('Set CAL_WEBHOOK_SECRET to the secret of your Cal.com webhook.');
 * if (!verifyWebhookSignature(rawBody, request.headers['x-cal-signature-256'], secret)) return response.status(401).end();
 * ```
 *
 * @param rawBody The raw request body (string, `Buffer` or `Uint8Array`).
 * @param signatureHeader The `X-Cal-Signature-256` header value.
 * @param secret The webhook's secret, as given to `cal.webhooks.create({ secret })`; must not be empty.
 * @returns Whether the signature is valid.
 */
export function verifyWebhookSignature(
  rawBody: string | Uint8Array,
  signatureHeader: string | string[] | null | undefined,
  secret: string,
): boolean {
  const key = requireSecret(secret);
  if (typeof rawBody !== 'string' && !(rawBody instanceof Uint8Array)) {
    return false;
  }
  const header: unknown = Array.isArray(signatureHeader) ? signatureHeader[0] : signatureHeader;
  if (typeof header !== 'string') {
    return false;
  }
  const signature = header.trim();
  if (!SIGNATURE_PATTERN.test(signature)) {
    return false;
  }
  const { createHmac, timingSafeEqual } = nodeCrypto();
  const expected = createHmac('sha256', key).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}

/** Checks the webhook secret: a non-empty string. */
function requireSecret(secret: unknown): string {
  if (typeof secret !== 'string' || secret.trim() === '') {
    const got =
      typeof secret === 'string'
        ? 'an empty string'
        : secret === undefined || secret === null
          ? String(secret)
          : `a value of type ${typeof secret}`;
    throw new CalComConfigError(
      `verifyWebhookSignature needs the webhook's secret, got ${got}. Pass the secret you gave the webhook in webhooks.create({ secret }) (e.g. read CAL_WEBHOOK_SECRET at startup and stop when it is missing). A webhook without a secret cannot be verified: its header "${NO_SECRET_SIGNATURE}" can be sent by anyone, so give the webhook a secret.`,
      'secret',
    );
  }
  return secret;
}
