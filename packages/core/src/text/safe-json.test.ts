import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, parseJsonSafely } from './safe-json';

/** `[[[…1…]]]` nested `depth` levels deep, as text (never built as a value: that is what must not recurse). */
const nestedArrays = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;
/** `{"a":{"a":…}}` nested `depth` levels deep, as text. */
const nestedObjects = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe('parseJsonSafely', () => {
  it('parses ordinary JSON and scalars', () => {
    expect(parseJsonSafely('{"a":[1,{"b":null}],"c":"d"}')).toEqual({
      ok: true,
      value: { a: [1, { b: null }], c: 'd' },
    });
    expect(parseJsonSafely('12')).toEqual({ ok: true, value: 12 });
    expect(parseJsonSafely('"x"')).toEqual({ ok: true, value: 'x' });
    expect(parseJsonSafely('null')).toEqual({ ok: true, value: null });
  });

  it(`accepts ${MAX_JSON_DEPTH} levels and refuses ${MAX_JSON_DEPTH + 1} and 5,000, arrays and objects alike`, () => {
    expect(parseJsonSafely(nestedArrays(MAX_JSON_DEPTH)).ok).toBe(true);
    expect(parseJsonSafely(nestedObjects(MAX_JSON_DEPTH)).ok).toBe(true);
    for (const text of [nestedArrays(MAX_JSON_DEPTH + 1), nestedObjects(MAX_JSON_DEPTH + 1), nestedArrays(5000)]) {
      expect(parseJsonSafely(text)).toEqual({ ok: false, problem: 'nests arrays or objects deeper than 64 levels' });
    }
    // 100,000 levels: still no RangeError, the walk has no recursion.
    expect(parseJsonSafely(nestedObjects(100_000)).ok).toBe(false);
  });

  it('refuses numbers that parse to Infinity, at the root and inside', () => {
    const problem = 'has a number too large to represent (it parses to Infinity)';
    expect(parseJsonSafely('1e400')).toEqual({ ok: false, problem });
    expect(parseJsonSafely('{"id":-1e400}')).toEqual({ ok: false, problem });
    expect(parseJsonSafely('[[1e999]]')).toEqual({ ok: false, problem });
    expect(parseJsonSafely('{"id":1e308}')).toEqual({ ok: true, value: { id: 1e308 } });
  });

  it('refuses text that is not JSON, NaN and Infinity literals included, with the parser error as cause', () => {
    for (const text of ['{"a":', 'NaN', '{"a":Infinity}', '<html>', "{'a':1}"]) {
      const result = parseJsonSafely(text);
      expect(result).toMatchObject({ ok: false, problem: 'is not JSON' });
      expect(result.ok === false && result.cause).toBeInstanceOf(SyntaxError);
    }
  });

  it('drops __proto__, constructor and prototype keys at every depth, so no copy can reach a prototype', () => {
    const result = parseJsonSafely(
      '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},"keep":[{"__proto__":{"polluted":3},"prototype":4,"x":5}],"deep":{"a":{"constructor":{"prototype":{"polluted":6}}}}}',
    );
    expect(result).toEqual({ ok: true, value: { keep: [{ x: 5 }], deep: { a: {} } } });
    const value = (result as { value: Record<string, unknown> }).value;
    expect(Object.hasOwn(value, '__proto__')).toBe(false);
    // What a naive copy or merge would do with the value:
    const copy = Object.assign({}, value, (value.keep as object[])[0]);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect({} as Record<string, unknown>).not.toHaveProperty('polluted');
  });
});
