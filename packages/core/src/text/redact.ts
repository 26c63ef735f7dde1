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

/**
 * The name of a field, parameter or header that holds a credential, as a regular-expression source (matched
 * case-insensitively): `apiKey`, `api_key`, `accessToken`, `access_token`, `refreshToken`, `clientSecret`,
 * `client_secret`, `password`, `secret`, `authorization`, `token` and any name ending in one of them
 * (`CAL_COM_API_KEY`, `webhookSecret`, `x-cal-secret-key`).
 */
const SECRET_NAME = String.raw`[\w-]*?(?:api[_-]?key|token|secret(?:[_-]?key)?|password|passwd|authorization)`;

/** A value that names a state, not a secret (`"hasSecret": true`). */
const NOT_A_SECRET_VALUE = String.raw`(?:true|false|null)\b`;

/** The start of a secret-named JSON field, up to its value: `"apiKey": `. */
const SECRET_JSON_FIELD = new RegExp(String.raw`"${SECRET_NAME}"\s*:\s*`, 'gi');

/** A value that names a state (`"hasSecret": true`), at the start of the rest of the text. */
const STATE_VALUE = new RegExp(`^${NOT_A_SECRET_VALUE}`);

/**
 * Measures a JSON value at the start of a text: a string, an array or object (to its matching bracket, strings
 * included), or a bare token (number, word) up to the next separator.
 */
function jsonValueLength(text: string): number {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (inString) {
      if (character === '\\') index += 1;
      else if (character === '"') {
        inString = false;
        if (depth === 0) return index + 1;
      }
    } else if (character === '"') inString = true;
    else if (character === '[' || character === '{') depth += 1;
    else if (character === ']' || character === '}') {
      if (depth === 0) return index;
      depth -= 1;
      if (depth === 0) return index + 1;
    } else if (depth === 0 && /[\s,]/.test(character ?? '')) return index;
  }
  return text.length;
}

/**
 * Replaces the whole value of every secret-named JSON field (`"apiKey": "…"`, `"password": 1234`,
 * `"token": ["a", "b"]`, `"secret": { … }`); states (`true`, `false`, `null`) stay.
 */
function redactJsonFields(text: string): string {
  let result = '';
  let from = 0;
  for (const match of text.matchAll(SECRET_JSON_FIELD)) {
    const valueStart = match.index + match[0].length;
    if (valueStart < from) continue;
    const rest = text.slice(valueStart);
    if (STATE_VALUE.test(rest)) continue;
    const length = jsonValueLength(rest);
    if (length === 0) continue;
    result += `${text.slice(from, valueStart)}"${REDACTED}"`;
    from = valueStart + length;
  }
  return result + text.slice(from);
}

/** Patterns of secrets that are redacted wherever they appear in a string. */
const SECRET_PATTERNS: readonly [RegExp, string][] = [
  // `Bearer <token>` in any string, also URL- or form-encoded (`Bearer%20…`, `Bearer+…`) and quoted (`Bearer "…"`).
  [/\bBearer(?:\s|%20|\+)+(?:"[^"]*"|'[^']*'|[^\s"',;&)<>]+)/gi, `Bearer ${REDACTED}`],
  // A `cal_…` token with key material. The bare prefixes `cal_`, `cal_live_` and `cal_test_` (optionally followed by
  // sentence dots) are advice, not secrets, and stay readable.
  [/\bcal_(?!(?:live_|test_)?\.*(?![A-Za-z0-9_\-.]))[A-Za-z0-9_\-.]+/g, REDACTED],
  // Query, form and environment assignments: `?apiKey=…`, `&client_secret=…`, `CAL_COM_API_KEY=…`.
  [new RegExp(String.raw`([?&;\s]|^)(${SECRET_NAME})=[^&\s"',;#]*`, 'gi'), `$1$2=${REDACTED}`],
  // JavaScript object literals as `util.inspect` prints them: `apiKey: '…'`, `accessToken: "…"`.
  [new RegExp(String.raw`(\b${SECRET_NAME}\s*:\s*)(['"\x60])(?:(?!\2)[^\\]|\\.)*\2`, 'gi'), `$1$2${REDACTED}$2`],
];

/**
 * Registers a secret so that {@link redact} removes it from every string, even when it has no known prefix.
 *
 * Hint: Secrets shorter than 8 characters are ignored; they would redact ordinary words.
 */
export function registerSecret(secret: string): void {
  const bare = secret.replace(/^Bearer\s+/i, '');
  if (bare.length >= 8) {
    registeredSecrets.add(bare);
  }
}

/**
 * Removes credentials from a string: `Bearer …` (also encoded or quoted), `cal_…` tokens, secret-named query
 * parameters and assignments (`apiKey=`, `client_secret=`), secret-named JSON fields and object-literal properties
 * (`"password": "…"`, `accessToken: '…'`) and every registered secret. The bare prefixes `cal_`, `cal_live_` and
 * `cal_test_` (no key material after them) are kept, so advice such as "it starts with cal_live_" stays readable.
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
  return redactJsonFields(result);
}

/** Removes credentials from a URL: secret query parameters and any `cal_…` token in the path. */
export function redactUrl(url: string): string {
  return redact(url);
}

/**
 * Copies headers with the values of secret headers replaced by `[REDACTED]` and the rest redacted as text.
 *
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

/** Deeply redacts a value for logging or serialisation: strings are redacted, secret-named keys are replaced. */
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
  const namesASecret = namesSecretField(value as Record<string, unknown>);
  for (const [key, item] of Object.entries(value)) {
    const secret = (isSecretKey(key) || (namesASecret && key === 'value')) && !isStateFlag(item);
    // defineProperty, not assignment: a `__proto__` key from a server or a caller must stay a plain key, never set
    // the copy's prototype.
    Object.defineProperty(result, redact(key), {
      value: secret ? REDACTED : redactValue(item, depth - 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return result;
}

/** Keys that name another field, as in class-validator errors (`property`) and header lists (`name`). */
const FIELD_NAME_KEYS = ['property', 'field', 'name', 'key', 'path'];

/**
 * Tells whether an object describes a secret-named field and carries its `value`, as class-validator errors
 * (`{ property: 'password', value: '…' }`) and name/value header lists (`{ name: 'Authorization', value: '…' }`) do.
 */
function namesSecretField(record: Record<string, unknown>): boolean {
  return (
    'value' in record &&
    FIELD_NAME_KEYS.some((key) => typeof record[key] === 'string' && isSecretKey(record[key] as string))
  );
}

/** Endings of property names that hold a credential, compared without case, `-` and `_`. */
const SECRET_KEY_ENDINGS = ['apikey', 'token', 'secret', 'secretkey', 'password', 'passwd', 'authorization'];

/**
 * Tells whether a property or header name holds a credential: the secret headers, and names such as `apiKey`,
 * `api_key`, `accessToken`, `access_token`, `refreshToken`, `clientSecret`, `client_secret`, `password`, `secret`,
 * `authorization`, `token` or ending in one of them, in any case.
 */
function isSecretKey(key: string): boolean {
  const normalised = key.toLowerCase().replace(/[-_]/g, '');
  return SECRET_HEADER_NAMES.has(key.toLowerCase()) || SECRET_KEY_ENDINGS.some((ending) => normalised.endsWith(ending));
}

/**
 * Tells whether a value under a secret-named key only says whether there is a secret (`hasSecret: true`).
 *
 * @returns Whether it is a boolean, `null` or `undefined`.
 */
function isStateFlag(value: unknown): boolean {
  return typeof value === 'boolean' || value === null || value === undefined;
}
