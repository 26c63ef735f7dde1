import { describe, expect, it } from 'vitest';
import { REDACTED, redact, redactHeaders, redactUrl, redactValue, registerSecret } from './redact';

describe('redact: Bearer tokens', () => {
  it.each([
    ['Bearer  double-spaced', `Bearer ${REDACTED}`],
    ["Bearer 'single quoted token'", `Bearer ${REDACTED}`],
    ['Bearer ""', `Bearer ${REDACTED}`],
    ['Bearer abc,tail', `Bearer ${REDACTED},tail`],
    ['Bearer abc;tail', `Bearer ${REDACTED};tail`],
    ['Bearer abc&tail', `Bearer ${REDACTED}&tail`],
    ['Bearer abc)tail', `Bearer ${REDACTED})tail`],
    ['Bearer abc<tail', `Bearer ${REDACTED}<tail`],
    ['Bearer abc>tail', `Bearer ${REDACTED}>tail`],
    ['Bearer abc"tail', `Bearer ${REDACTED}"tail`],
    ["Bearer abc'tail", `Bearer ${REDACTED}'tail`],
    ['Bearer abc\ttail', `Bearer ${REDACTED}\ttail`],
    ['Bearer%20%20abc', `Bearer ${REDACTED}`],
    ['Bearer++abc', `Bearer ${REDACTED}`],
  ])('redacts %j as %j', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('keeps a word that only ends in Bearer', () => {
    expect(redact('NotBearer visible')).toBe('NotBearer visible');
  });
});

describe('redact: cal_ keys', () => {
  it.each([
    'cal_live_ABCdef',
    'cal_test_XYZ',
    'cal_live_-abc',
    'cal_live_9abc',
    'cal_Live_abc',
    'cal_._abc',
    'cal_-abc',
    'cal__abc',
  ])('redacts the whole key %s', (key) => {
    expect(redact(`key ${key} end`)).toBe(`key ${REDACTED} end`);
  });

  it.each([
    'it starts with cal_.',
    'it starts with cal_...',
    'it starts with cal_live_...',
    'the local_storage and typical_values words',
  ])('keeps %j', (text) => {
    expect(redact(text)).toBe(text);
  });
});

describe('redact: assignments, JSON fields and object literals', () => {
  it.each([
    ['apiKey=a1 apiKey=a2', `apiKey=${REDACTED} apiKey=${REDACTED}`],
    ['x;token=t1', `x;token=${REDACTED}`],
    ['token=t1\nsecret=s1', `token=${REDACTED}\nsecret=${REDACTED}`],
    ['API-KEY=a1', `API-KEY=${REDACTED}`],
    ['webhook_secret_key=k&next=1', `webhook_secret_key=${REDACTED}&next=1`],
    ['passwd=p#frag', `passwd=${REDACTED}#frag`],
    ['Authorization=a"rest', `Authorization=${REDACTED}"rest`],
    ["password=p'rest", `password=${REDACTED}'rest`],
    ['password=p,rest', `password=${REDACTED},rest`],
    ['password=p;rest', `password=${REDACTED};rest`],
    ['xpassword=p', 'xpassword=p'.replace('=p', `=${REDACTED}`)],
    ['monkey=banana', 'monkey=banana'],
  ])('redacts the assignment %j', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it.each([
    ['{"token": null, "secret": false}', '{"token": null, "secret": false}'],
    ['{"token": nullish}', `{"token": "${REDACTED}"}`],
    ['{"token":abc-1}', `{"token":"${REDACTED}"}`],
    ['{"apiKey":"a","apiKey":"b"}', `{"apiKey":"${REDACTED}","apiKey":"${REDACTED}"}`],
    ['{"TOKEN":"a"}', `{"TOKEN":"${REDACTED}"}`],
    ['{"token": ["a", "b"], "x": 1}', `{"token": "${REDACTED}", "x": 1}`],
    ['{"password": {"value": "x, y", "n": [1, {"k": "]"}]}}', `{"password": "${REDACTED}"}`],
    ['{"secret": "a \\" b", "ok": "c"}', `{"secret": "${REDACTED}", "ok": "c"}`],
    ['{"apiKey": [["a"], ["b"]]}', `{"apiKey": "${REDACTED}"}`],
    ['{"token": ', '{"token": '],
    ['{"token": "unterminated', `{"token": "${REDACTED}"`],
  ])('redacts the JSON field %j', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it.each([
    ['{ token: `t1` }', `{ token: \`${REDACTED}\` }`],
    ["{ Password: 'it\\'s' }", `{ Password: '${REDACTED}' }`],
    ["{ token: 'a', secret: 'b' }", `{ token: '${REDACTED}', secret: '${REDACTED}' }`],
    ['{ notes: "x" }', '{ notes: "x" }'],
  ])('redacts the object literal %j', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });
});

describe('registerSecret', () => {
  it('registers a secret of 8 characters or more, without its Bearer prefix however it is spaced', () => {
    registerSecret('Abcd1234');
    registerSecret('Seven77');
    registerSecret('bearer   spaced-opaque-token');
    expect(redact('a Abcd1234 b Seven77 c')).toBe(`a ${REDACTED} b Seven77 c`);
    expect(redact('x:spaced-opaque-token')).toBe(`x:${REDACTED}`);
  });

  it('removes only a leading Bearer prefix', () => {
    registerSecret('opaque-Bearer 12345678');
    expect(redact('[opaque-Bearer 12345678]')).toBe(`[${REDACTED}]`);
  });

  it('redacts every occurrence of a registered secret', () => {
    registerSecret('repeated-secret-value');
    expect(redactUrl('https://x.test/repeated-secret-value?q=repeated-secret-value')).toBe(
      `https://x.test/${REDACTED}?q=${REDACTED}`,
    );
  });
});

describe('redactHeaders', () => {
  it('hides every secret header whatever its value, and redacts the others as text', () => {
    const plain = 'plain-value';
    expect(
      redactHeaders({
        Authorization: plain,
        'Proxy-Authorization': plain,
        Cookie: plain,
        'Set-Cookie': plain,
        'X-Cal-Secret-Key': plain,
        'X-Api-Key': plain,
        'X-Trace': plain,
        Referer: 'https://x.test/?token=abc',
      }),
    ).toEqual({
      authorization: REDACTED,
      'proxy-authorization': REDACTED,
      cookie: REDACTED,
      'set-cookie': REDACTED,
      'x-cal-secret-key': REDACTED,
      'x-api-key': REDACTED,
      'x-trace': plain,
      referer: `https://x.test/?token=${REDACTED}`,
    });
  });
});

describe('redactValue', () => {
  it('keeps numbers, booleans, null, undefined and bigints, and prints functions and symbols', () => {
    expect(redactValue(5)).toBe(5);
    expect(redactValue(true)).toBe(true);
    expect(redactValue(null)).toBeNull();
    expect(redactValue(undefined)).toBeUndefined();
    expect(redactValue(7n)).toBe(7n);
    expect(redactValue(Symbol('marker'))).toBe('Symbol(marker)');
    expect(redactValue(function named() {})).toBe('function named() {}');
  });

  it('cuts values deeper than the depth, arrays included', () => {
    expect(redactValue([[1]], 1)).toEqual(['[…]']);
    expect(redactValue({ a: [1] }, 2)).toEqual({ a: [1] });
    expect(redactValue({ a: { b: { c: 1 } } }, 2)).toEqual({ a: { b: '[…]' } });
    expect(redactValue('cal_abcdef', 0)).toBe(REDACTED);
    expect(redactValue({}, 0)).toBe('[…]');
  });

  it('returns an ordinary copy whose properties can be changed and deleted', () => {
    const copy = redactValue({ note: 'plain', token: 'secret-value' }) as Record<string, unknown>;
    copy.note = 'changed';
    delete copy.token;
    Object.defineProperty(copy, 'note', { value: 'redefined', enumerable: false });
    expect(copy).toEqual({});
    expect(Object.getOwnPropertyDescriptor(copy, 'note')).toMatchObject({ value: 'redefined', writable: true });
  });

  it('shows an error as its name and redacted message only', () => {
    const error = new TypeError('Bearer abc failed');
    expect(redactValue(error)).toStrictEqual({ name: 'TypeError', message: `Bearer ${REDACTED} failed` });
  });

  it.each([
    'webhookSecretKey',
    'db_passwd',
    'proxyAuthorization',
    'Cookie',
    'SET-COOKIE',
    'x-api-key',
    'Api-Key',
    'ACCESS-TOKEN',
  ])('hides the value of the key %s', (key) => {
    expect(redactValue({ [key]: 'plain', other: 'plain' })).toEqual({ [key]: REDACTED, other: 'plain' });
  });

  it.each(['tokens', 'secretive', 'keyword', 'cookies', 'passwordHint'])('shows the value of the key %s', (key) => {
    expect(redactValue({ [key]: 'plain' })).toEqual({ [key]: 'plain' });
  });

  it.each(['property', 'field', 'name', 'key', 'path'])('hides the value of a field named by %s', (nameKey) => {
    expect(redactValue({ [nameKey]: 'clientSecret', value: 'plain' })).toEqual({
      [nameKey]: 'clientSecret',
      value: REDACTED,
    });
    expect(redactValue({ [nameKey]: 'colour', value: 'plain' })).toEqual({ [nameKey]: 'colour', value: 'plain' });
  });

  it('ignores a field name that is not a string, and values of other keys beside a secret field name', () => {
    expect(redactValue({ property: 7, name: 'password', value: 'plain', note: 'plain' })).toEqual({
      property: 7,
      name: 'password',
      value: REDACTED,
      note: 'plain',
    });
    expect(redactValue({ property: ['password'], value: 'plain' })).toEqual({ property: ['password'], value: 'plain' });
    expect(redactValue({ property: 'password', value: true })).toEqual({ property: 'password', value: true });
  });

  it('redacts secrets in keys and keeps state flags under secret names', () => {
    expect(redactValue({ 'Bearer abc': 1, secret: undefined, token: null, apiKey: false, password: 0 })).toEqual({
      [`Bearer ${REDACTED}`]: 1,
      secret: undefined,
      token: null,
      apiKey: false,
      password: REDACTED,
    });
  });
});
