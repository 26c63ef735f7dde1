import { describe, expect, it } from 'vitest';
import type { OpenApiDocument } from './openapi-document';
import { digestOf } from './spec-digest';
import { summarizeSpec } from './spec-summary';

/** Types a hand-written, possibly malformed document for the summary. */
function documentOf(value: unknown): OpenApiDocument {
  return value as OpenApiDocument;
}

describe('summarizeSpec', () => {
  it('counts paths and the operations under HTTP methods only', () => {
    expect(
      summarizeSpec(
        documentOf({
          openapi: '3.0.3',
          info: { title: 'T', version: '1' },
          paths: { '/a': { get: {}, post: {}, parameters: [] }, '/b': { summary: 'x', trace: {} } },
        }),
      ),
    ).toEqual({ title: 'T', openapi: '3.0.3', paths: 2, operations: 3 });
  });

  it('writes "unknown" for a missing or empty title and survives null path items', () => {
    expect(summarizeSpec(documentOf({ openapi: '3.0.0', paths: { '/a': null } }))).toEqual({
      title: 'unknown',
      openapi: '3.0.0',
      paths: 1,
      operations: 0,
    });
    expect(summarizeSpec(documentOf({ openapi: '3.0.0', info: { title: '' }, paths: {} })).title).toBe('unknown');
  });
});

describe('digestOf', () => {
  it('gives the size, SHA-256 and git blob id (git hash-object) of the bytes', () => {
    expect(digestOf(new TextEncoder().encode('hello\n'))).toEqual({
      bytes: 6,
      sha256: '5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03',
      gitBlob: 'ce013625030ba8dba906f756967f9e9ca394464a',
    });
  });
});
