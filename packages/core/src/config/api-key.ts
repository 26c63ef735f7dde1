import { CalComConfigError } from '../errors/config-error';
import { registerSecret } from '../text/redact';

/** The shortest token accepted; real keys are far longer. */
export const MIN_API_KEY_LENGTH = 10;

/** Where users create API keys. */
export const API_KEYS_URL = 'https://app.cal.com/settings/developer/api-keys';

/**
 * Normalises an API key or access token (D3): accepts `cal_…`, `cal_live_…`, `Bearer …` or an OAuth access token,
 * strips the `Bearer ` prefix, refuses empty, too short and whitespace-containing values, and registers the token for
 * redaction.
 */
export function normaliseApiKey(value: string, field: string): string {
  const token = value.replace(/^Bearer /i, '');
  if (token.trim() === '') {
    throw new CalComConfigError(
      `${field} is empty. Set it to your Cal.com API key (cal_… or cal_live_…); create one at ${API_KEYS_URL}.`,
      field,
    );
  }
  if (/\s/.test(token)) {
    registerSecret(token.trim());
    throw new CalComConfigError(
      `${field} contains whitespace (a space, tab or line break). Copy the key again without surrounding spaces or quotes.`,
      field,
    );
  }
  if (token.length < MIN_API_KEY_LENGTH) {
    throw new CalComConfigError(
      `${field} is too short (${token.length} characters; keys have at least ${MIN_API_KEY_LENGTH}). Copy the whole key from ${API_KEYS_URL}.`,
      field,
    );
  }
  registerSecret(token);
  return token;
}
