/** A real simulator answer, before mutation. */
export interface RealAnswer {
  /** The HTTP status. */
  readonly status: number;
  /** The response headers. */
  readonly headers: Headers;
  /** The body text. */
  readonly bodyText: string;
}

/** One way to corrupt an answer. */
export interface Mutation {
  /** What the mutation does. */
  readonly name: string;
  /** Builds the mutated response from the real answer. */
  readonly apply: (answer: RealAnswer) => Response;
}

/** A parsed JSON value. */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Where a 5,000-level nested value goes in a body; replaced in the text, never built as a value. */
const DEEP_MARKER = '"__deep_marker__"';
/** How deep the nested values are (the audit's figure). */
const DEEP = 5000;
/** `[[[…]]]`, {@link DEEP} levels. */
const DEEP_TEXT = `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`;
/** The client's default `maxResponseBytes` (10 MiB). */
const DEFAULT_LIMIT = 10 * 1024 * 1024;

/**
 * Rebuilds a response with the real status and headers, a new body and optional header changes.
 *
 * @param answer The real answer.
 * @param body The new body.
 * @param init A new status or headers.
 * @returns The response.
 */
function respond(
  answer: RealAnswer,
  body: string | Uint8Array | null,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  const headers = new Headers(answer.headers);
  headers.delete('content-length');
  for (const [name, value] of Object.entries(init.headers ?? {})) headers.set(name, value);
  return new Response(body, { status: init.status ?? answer.status, headers });
}

/**
 * Maps a JSON value bottom-up.
 *
 * @param value The value.
 * @param map Called on every value after its children are mapped.
 * @returns The mapped value.
 */
function mapTree(value: Json, map: (value: Json) => Json): Json {
  if (Array.isArray(value)) return map(value.map((item) => mapTree(item, map)));
  if (value !== null && typeof value === 'object') {
    return map(Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapTree(item, map)])));
  }
  return map(value);
}

/**
 * Applies a change to the items of `data`: each item of an array, or the object itself.
 *
 * @param data The envelope's data.
 * @param change The change of one item.
 * @returns The changed data.
 */
function eachItem(data: Json, change: (item: Json) => Json): Json {
  return Array.isArray(data) ? data.map(change) : change(data);
}

/**
 * Turns a body mutation of the parsed envelope into a mutation of the answer; a body that is not JSON (none of the
 * simulator's 2xx answers) is left as it is.
 *
 * @param name The mutation's name.
 * @param change Builds the new body text from the parsed envelope.
 * @returns The mutation.
 */
function bodyMutation(name: string, change: (envelope: { [key: string]: Json }) => string): Mutation {
  return {
    name,
    apply: (answer) => {
      const envelope = JSON.parse(answer.bodyText) as { [key: string]: Json };
      return respond(answer, change(envelope));
    },
  };
}

/**
 * Serialises a value with `__proto__` and `constructor.prototype` keys in every object (JSON.stringify would drop
 * them: a literal `__proto__` sets the prototype instead of a key).
 *
 * @param value The value.
 * @returns The JSON text.
 */
function withPrototypeKeys(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(withPrototypeKeys).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}:${withPrototypeKeys(item)}`);
    const poison = ['"__proto__":{"polluted":"yes"}', '"constructor":{"prototype":{"polluted":"yes"}}'];
    return `{${[...poison, ...entries].join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Replaces the first non-empty array in `data` (depth first; `data` itself when it is one) with its first item repeated
 * until the body is about `bytes` long: a huge answer just under the client's 10 MiB limit. Data without an array
 * becomes an array of copies of itself.
 *
 * @param envelope The parsed envelope.
 * @param bytes The target size.
 * @returns The body text.
 */
function fillFirstArray(envelope: { [key: string]: Json }, bytes: number): string {
  const marker = '"__fill_marker__"';
  let item: Json | undefined;
  const replaceFirst = (value: Json): Json => {
    if (item !== undefined) return value;
    if (Array.isArray(value) && value.length > 0) {
      item = value[0] ?? null;
      return '__fill_marker__';
    }
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, replaceFirst(child)]));
    }
    return value;
  };
  const data = replaceFirst(envelope.data ?? null);
  const text = JSON.stringify({ ...envelope, data: item === undefined ? '__fill_marker__' : data });
  const itemText = JSON.stringify(item === undefined ? (envelope.data ?? null) : item);
  const copies = Math.max(1, Math.floor(bytes / (itemText.length + 1)));
  return text.replace(marker, `[${Array.from({ length: copies }, () => itemText).join(',')}]`);
}

/** Mutations of the parsed envelope (fields, types, shapes, sizes). */
const BODY_MUTATIONS: readonly Mutation[] = [
  bodyMutation('missing fields: every item of data emptied', (envelope) =>
    JSON.stringify({
      ...envelope,
      data: eachItem(envelope.data ?? null, (item) =>
        item !== null && typeof item === 'object' && !Array.isArray(item) ? {} : item,
      ),
    }),
  ),
  bodyMutation('missing fields: the first key of every object dropped', (envelope) =>
    JSON.stringify({
      ...envelope,
      data: mapTree(envelope.data ?? null, (value) =>
        value !== null && typeof value === 'object' && !Array.isArray(value)
          ? Object.fromEntries(Object.entries(value).slice(1))
          : value,
      ),
    }),
  ),
  bodyMutation('wrong types: every scalar of another type', (envelope) =>
    JSON.stringify({
      ...envelope,
      data: mapTree(envelope.data ?? null, (value) =>
        typeof value === 'string'
          ? 12345
          : typeof value === 'number'
            ? String(value)
            : typeof value === 'boolean'
              ? 'yes'
              : value === null
                ? {}
                : value,
      ),
    }),
  ),
  bodyMutation('nulls: every field of every item null', (envelope) =>
    JSON.stringify({
      ...envelope,
      data: eachItem(envelope.data ?? null, (item) =>
        item !== null && typeof item === 'object' && !Array.isArray(item)
          ? Object.fromEntries(Object.keys(item).map((key) => [key, null]))
          : null,
      ),
    }),
  ),
  bodyMutation('nulls: data null', (envelope) => JSON.stringify({ ...envelope, data: null })),
  bodyMutation('wrong shape: data array and object swapped', (envelope) => {
    const data = envelope.data ?? null;
    return JSON.stringify({ ...envelope, data: Array.isArray(data) ? { ...data } : [data] });
  }),
  bodyMutation('wrong shape: data without the envelope', (envelope) => JSON.stringify(envelope.data ?? null)),
  bodyMutation('wrong shape: an error envelope with a 2xx status', () =>
    JSON.stringify({ status: 'error', error: { code: 'Weird', message: 'error with 200' } }),
  ),
  bodyMutation('prototype keys: __proto__ and constructor.prototype in every object', (envelope) =>
    withPrototypeKeys(envelope),
  ),
  // 5,000 levels is the audit's figure; 100,000 overflows the stack of any recursive reader (JSON.stringify included).
  ...[DEEP, 100_000].map((depth) =>
    bodyMutation(`deep nesting: data ${depth} levels deep`, (envelope) =>
      JSON.stringify({ ...envelope, data: '__deep_marker__' }).replace(
        DEEP_MARKER,
        `${'['.repeat(depth)}${']'.repeat(depth)}`,
      ),
    ),
  ),
  bodyMutation(`deep nesting: a ${DEEP}-level value in every object`, (envelope) =>
    JSON.stringify({
      ...envelope,
      data: mapTree(envelope.data ?? null, (value) =>
        value !== null && typeof value === 'object' && !Array.isArray(value)
          ? { ...value, deep: '__deep_marker__' }
          : value,
      ),
    }).replaceAll(DEEP_MARKER, DEEP_TEXT),
  ),
  bodyMutation('huge array: data 1,000,000 zeros', (envelope) =>
    JSON.stringify({ ...envelope, data: '__zeros__' }).replace('"__zeros__"', `[${'0,'.repeat(999_999)}0]`),
  ),
  bodyMutation('huge array: the first array of data filled to 9 MB with its first item', (envelope) =>
    fillFirstArray(envelope, 9 * 1024 * 1024),
  ),
  bodyMutation('NaN-ish numbers: every number 1e400 (Infinity)', (envelope) =>
    JSON.stringify(envelope).replace(/(?<=[:[,])-?\d+(\.\d+)?(?=[,\]}])/g, '1e400'),
  ),
  bodyMutation('NaN-ish numbers: every number NaN (not JSON)', (envelope) =>
    JSON.stringify(envelope).replace(/(?<=[:[,])-?\d+(\.\d+)?(?=[,\]}])/g, 'NaN'),
  ),
  bodyMutation('NaN-ish numbers: every number 1e308', (envelope) =>
    JSON.stringify(envelope).replace(/(?<=[:[,])-?\d+(\.\d+)?(?=[,\]}])/g, '1e308'),
  ),
  bodyMutation('lying pagination: no items but more pages claimed', (envelope) =>
    JSON.stringify({
      ...envelope,
      data: Array.isArray(envelope.data) ? [] : (envelope.data ?? null),
      pagination: {
        totalItems: 1000,
        remainingItems: 1000,
        returnedItems: 100,
        itemsPerPage: 100,
        currentPage: 1,
        totalPages: 10,
        hasNextPage: true,
        hasPreviousPage: false,
      },
    }),
  ),
  bodyMutation('extra unknown fields everywhere', (envelope) =>
    JSON.stringify(
      mapTree(envelope, (value) =>
        value !== null && typeof value === 'object' && !Array.isArray(value)
          ? { ...value, unexpectedField: [1, 'x'] }
          : value,
      ),
    ),
  ),
];

/** Mutations of the raw answer (status, headers, bytes). */
const RAW_MUTATIONS: readonly Mutation[] = [
  {
    name: 'wrong content type: the same JSON as text/html',
    apply: (answer) => respond(answer, answer.bodyText, { headers: { 'content-type': 'text/html' } }),
  },
  {
    name: 'wrong content type: an HTML page with 200',
    apply: (answer) =>
      respond(answer, '<!DOCTYPE html><html><body><h1>Welcome</h1></body></html>', {
        headers: { 'content-type': 'text/html' },
      }),
  },
  { name: 'empty body with 200', apply: (answer) => respond(answer, '') },
  { name: '204 without a body', apply: (answer) => respond(answer, null, { status: 204 }) },
  {
    name: 'truncated JSON',
    apply: (answer) => respond(answer, answer.bodyText.slice(0, Math.floor(answer.bodyText.length / 2))),
  },
  {
    name: 'invalid UTF-8 in a string',
    apply: (answer) => {
      const cut = answer.bodyText.indexOf('"', answer.bodyText.indexOf(':') + 1) + 1;
      const bytes = new TextEncoder().encode(answer.bodyText);
      const at = new TextEncoder().encode(answer.bodyText.slice(0, cut)).byteLength;
      const broken = new Uint8Array(bytes.byteLength + 2);
      broken.set(bytes.subarray(0, at), 0);
      broken.set([0xc3, 0x28], at);
      broken.set(bytes.subarray(at), at + 2);
      return respond(answer, broken);
    },
  },
  {
    name: 'oversized: 11 MiB of trailing whitespace',
    apply: (answer) => respond(answer, `${answer.bodyText}${' '.repeat(DEFAULT_LIMIT + 1024 * 1024)}`),
  },
  {
    name: 'byte-order mark before the JSON',
    apply: (answer) => respond(answer, `\uFEFF${answer.bodyText}`),
  },
  ...[301, 302, 303, 307, 308].map(
    (status): Mutation => ({
      name: `redirect ${status} to another origin`,
      apply: (answer) =>
        respond(answer, null, { status, headers: { location: 'https://evil.example/v2/collect?token=abc' } }),
    }),
  ),
];

/** Every mutation, generated from the tables above. */
export const MUTATIONS: readonly Mutation[] = [...BODY_MUTATIONS, ...RAW_MUTATIONS];
