import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CalComUnexpectedResponseError } from '../errors';
import { parseData, unwrapSuccessBody } from './response';

const context = { status: 200, method: 'GET', url: 'https://api.cal.com/v2/bookings', requestId: 'r' };

describe('unwrapSuccessBody', () => {
  it('ignores a pagination that is not an object and returns unknown status values whole', () => {
    expect(unwrapSuccessBody('{"status":"success","data":[],"pagination":null}', context)).toEqual({
      kind: 'success',
      data: [],
      pagination: undefined,
    });
    expect(unwrapSuccessBody('{"status":"pending"}', context)).toEqual({
      kind: 'success',
      data: { status: 'pending' },
      pagination: undefined,
    });
    expect(unwrapSuccessBody('[1]', context)).toEqual({ kind: 'success', data: [1], pagination: undefined });
  });
});

describe('parseData', () => {
  it('reports the root as data when the whole value has the wrong type', () => {
    const error = (() => {
      try {
        return parseData(v.array(v.number()), undefined, context);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(CalComUnexpectedResponseError);
    expect(error).toMatchObject({ path: 'data', bodyExcerpt: '', requestId: 'r' });
  });
});

describe('parseData on data it cannot show', () => {
  it('still throws CalComUnexpectedResponseError, with a note instead of the excerpt', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    let error: unknown;
    try {
      parseData(v.array(v.number()), cyclic, context);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CalComUnexpectedResponseError);
    expect(error).toMatchObject({ path: 'data', bodyExcerpt: '(a value that cannot be shown)' });
  });
});
