import { describe, expect, it } from 'vitest';
import { calComSpecProvenance, parseSpecProvenance } from './spec-provenance';

/** A valid record to break one field at a time. */
const VALID = {
  document: 'v2.openapi.json',
  what: 'A copy.',
  title: 'Cal.com API v2',
  openapi: '3.0.0',
  paths: 1,
  operations: 2,
  bytes: 3,
  sha256: 'a'.repeat(64),
  gitBlob: 'b'.repeat(40),
  source: { repository: 'calcom/companion', path: 'a.json', commit: 'unknown', commitDate: 'unknown' },
  takenAt: '2026-11-26',
  licence: 'MIT',
  unknown: ['source.commit', 'source.commitDate'],
};

/** The end of every error message. */
const FIX = 'Rewrite it with `pnpm spec:update <file>` instead of editing it by hand.';

describe('parseSpecProvenance', () => {
  it('returns a valid record unchanged', () => {
    expect(parseSpecProvenance(VALID, 'p.json')).toEqual(VALID);
  });

  it.each([
    [null, 'the record', 'must be a JSON object, got null'],
    [{ ...VALID, what: '' }, 'what', 'must be a non-empty string, got ""'],
    [{ ...VALID, bytes: -1 }, 'bytes', 'must be a whole number of at least 0, got -1'],
    [{ ...VALID, paths: 1.5 }, 'paths', 'must be a whole number of at least 0, got 1.5'],
    [{ ...VALID, operations: '2' }, 'operations', 'must be a whole number of at least 0, got "2"'],
    [{ ...VALID, sha256: 'A'.repeat(64) }, 'sha256', `must be 64 lowercase hex digits, got "${'A'.repeat(64)}"`],
    [{ ...VALID, gitBlob: undefined }, 'gitBlob', 'must be a non-empty string, got undefined'],
    [{ ...VALID, source: [] }, 'source', 'must be a JSON object, got []'],
    [{ ...VALID, source: { ...VALID.source, commit: 7 } }, 'source.commit', 'must be a non-empty string, got 7'],
    [{ ...VALID, unknown: 'none' }, 'unknown', 'must be an array of field names, got "none"'],
    [{ ...VALID, unknown: [1] }, 'unknown', 'must be an array of field names, got [1]'],
  ])('names the broken field: %j', (value, field, problem) => {
    expect(() => parseSpecProvenance(value, 'p.json')).toThrowError(
      new Error(`Provenance record p.json is invalid: "${field}" ${problem}. ${FIX}`),
    );
  });
});

describe('calComSpecProvenance', () => {
  it('describes the shipped copy: Cal.com API v2 from calcom/companion at a fixed commit', () => {
    expect(calComSpecProvenance()).toMatchObject({
      document: 'v2.openapi.json',
      title: 'Cal.com API v2',
      openapi: '3.0.0',
      bytes: 1_123_706,
      sha256: '6f3c92eaf9956ecc046ad1398c3e0f5c892d60d61513def3e03cf935bed1c4de',
      gitBlob: '0c7fbddd4ab6510e8bc9149dd39371f94000e219',
      source: {
        repository: 'calcom/companion',
        path: 'apps/mcp-server/openapi-v2.json',
        commit: '033ea2932dbef140bf94ac044d258e94e8ba3cdb',
        commitDate: '2026-03-26T11:59:10Z',
      },
      unknown: [],
    });
  });
});
