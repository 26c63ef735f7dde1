/** The text that replaces a secret. */
export const REDACTED = '[REDACTED]';

/** Header names whose values are always secret. */
const SECRET_HEADER_NAMES = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-cal-secret-key',
  'x-api-key',
]);

/** Secrets registered at run time (API keys and OAuth tokens that do not start with `cal_`). */
const registeredSecrets = new Set<string>();

/** Patterns of secrets that are redacted wherever they appear in a string. */
const SECRET_PATTERNS: readonly [RegExp, string][] = [
  [/\bBearer\s+[^\s"',;]+/gi, `Bearer ${REDACTED}`],
  // A `cal_…` token with key material. The bare prefixes `cal_`, `cal_live_` and `cal_test_` (optionally followed by
  // sentence dots) are advice, not secrets, and stay readable.
  [/\bcal_(?!(?:live_|test_)?\.*(?![A-Za-z0-9_\-.]))[A-Za-z0-9_\-.]+/g, REDACTED],
  [/([?&;\s]|^)(api[_-]?key|access_token|refresh_token|client_secret|token)=[^&\s"',;#]*/gi, `$1$2=${REDACTED}`],
  [
    /("(?:apiKey|api_key|accessToken|access_token|refreshToken|refresh_token|client_secret|authorization)"\s*:\s*)"[^"]*"/gi,
    `$1"${REDACTED}"`,
  ],
];

/**
 * Registers a secret so that {@link redact} removes it from every string, even when it has no known prefix.
 *
 * Hint: Secrets shorter than 8 characters are ignored; they would redact ordinary words.
 *
 * @param secret The secret (an API key or an OAuth access token).
 */
export function registerSecret(secret: string): void {
  const bare = secret.replace(/^Bearer\s+/i, '');
  if (bare.length >= 8) {
    registeredSecrets.add(bare);
  }
}

/**
 * Removes credentials from a string: `Bearer …`, `cal_…` tokens, `apiKey=`/token query parameters, JSON credential
 * fields and every registered secret. The bare prefixes `cal_`, `cal_live_` and `cal_test_` (no key material after
 * them) are kept, so advice such as "it starts with cal_live_" stays readable.
 *
 * @param text The text to clean.
 * @returns The text with every secret replaced by `[REDACTED]`.
 */
export function redact(text: string): string {
  let result = text;
  for (const secret of registeredSecrets) {
    if (result.includes(secret)) {
      result = result.split(secret).join(REDACTED);
    }
  }
  for (const [pattern, replacement] of SECRET_PATTERNS) {
    result = result.replace(pattern, replacement);
  }
  return result;
}

/**
 * Removes credentials from a URL: secret query parameters and any `cal_…` token in the path.
 *
 * @param url The URL, absolute or relative.
 * @returns The redacted URL.
 */
export function redactUrl(url: string): string {
  return redact(url);
}

/**
 * Copies headers with the values of secret headers replaced by `[REDACTED]` and the rest redacted as text.
 *
 * @param headers The headers to copy.
 * @returns A plain object of redacted header values, keyed by lower-case name.
 */
export function redactHeaders(headers: Headers | Record<string, string>): Record<string, string> {
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
  const result: Record<string, string> = {};
  for (const [name, value] of entries) {
    const key = name.toLowerCase();
    result[key] = SECRET_HEADER_NAMES.has(key) ? REDACTED : redact(value);
  }
  return result;
}

/**
 * Deeply redacts a value for logging or serialisation: strings are redacted, secret-named keys are replaced.
 *
 * @param value The value to clean.
 * @param depth The remaining depth; deeper values become `'[…]'`.
 * @returns A JSON-safe redacted copy.
 */
export function redactValue(value: unknown, depth = 6): unknown {
  if (typeof value === 'string') {
    return redact(value);
  }
  if (value === null || typeof value !== 'object') {
    return typeof value === 'function' || typeof value === 'symbol' ? String(value) : value;
  }
  if (depth <= 0) {
    return '[…]';
  }
  if (Array.isArray(value)) {
    return value.map((item) => redactValue(item, depth - 1));
  }
  if (value instanceof Error) {
    return { name: value.name, message: redact(value.message) };
  }
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    result[key] = isSecretKey(key) ? REDACTED : redactValue(item, depth - 1);
  }
  return result;
}

/**
 * Tells whether a property or header name holds a credential.
 *
 * @param key The property name.
 * @returns Whether the value must never be shown.
 */
function isSecretKey(key: string): boolean {
  const normalised = key.toLowerCase().replace(/[-_]/g, '');
  return (
    SECRET_HEADER_NAMES.has(key.toLowerCase()) ||
    ['apikey', 'accesstoken', 'refreshtoken', 'clientsecret', 'secretkey', 'password', 'authorization'].includes(
      normalised,
    )
  );
}
