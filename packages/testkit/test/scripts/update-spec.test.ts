import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildSpecProvenance,
  formatSpecProvenance,
  parseOpenApi3Document,
  parseSpecUpdateArguments,
  SPEC_UPDATE_USAGE,
  updateVendoredSpec,
} from '../../scripts/update-spec';
import { digestOf } from '../../src/contract/spec-digest';

/** A small valid OpenAPI 3.0 document, with the generator's formatting (the bytes must survive unchanged). */
const DOCUMENT =
  '{\n  "openapi": "3.0.0",\n  "paths": {\n    "/v2/me": {\n      "get": {},\n      "patch": {}\n    }\n  },\n' +
  '  "info": {\n    "title": "Cal.com API v2",\n    "version": "1.0.0"\n  }\n}';

/** Creates a `spec/` folder with an old document and record, and a new document beside it. */
function workspace(): { root: string; specFolder: string } {
  const root = mkdtempSync(join(tmpdir(), 'calcom-spec-update-'));
  const specFolder = join(root, 'spec');
  mkdirSync(specFolder);
  writeFileSync(join(specFolder, 'v2.openapi.json'), '{"openapi":"3.0.0","paths":{}}');
  writeFileSync(join(specFolder, 'provenance.json'), '{}\n');
  writeFileSync(join(root, 'new.json'), DOCUMENT);
  return { root, specFolder };
}

describe('parseSpecUpdateArguments', () => {
  it('reads the file and every option, as --name value or --name=value', () => {
    expect(
      parseSpecUpdateArguments([
        '--',
        'new.json',
        '--repository',
        'calcom/cal.com',
        '--path=docs/api-reference/v2/openapi.json',
        '--commit',
        'ABCDEF0123456789ABCDEF0123456789ABCDEF01',
        '--date',
        '2026-03-26 11:59:10 +0000',
        '--what',
        ' A copy. ',
        '--licence=MIT',
      ]),
    ).toEqual({
      file: 'new.json',
      facts: {
        repository: 'calcom/cal.com',
        path: 'docs/api-reference/v2/openapi.json',
        commit: 'abcdef0123456789abcdef0123456789abcdef01',
        commitDate: '2026-03-26T11:59:10Z',
        what: 'A copy.',
        licence: 'MIT',
      },
    });
    expect(parseSpecUpdateArguments(['x.json'])).toEqual({ file: 'x.json', facts: {} });
    expect(parseSpecUpdateArguments(['x.json', '--date', '2026-03-26T11:59:10.250Z']).facts.commitDate).toBe(
      '2026-03-26T11:59:10.250Z',
    );
  });

  it.each([
    [[], 'the new document <file> is missing'],
    [['a.json', 'b.json'], 'expected one <file>, got a.json, b.json'],
    [['a.json', '--branch', 'main'], 'unknown option --branch'],
    [['a.json', '--commit'], 'option --commit needs a value'],
    [['a.json', '--commit', '--date', 'x'], 'option --commit needs a value'],
    [['a.json', '--path='], 'option --path needs a value'],
    [['a.json', '--path', 'a', '--path', 'b'], 'option --path is given twice'],
    [
      ['a.json', '--repository', 'cal.com'],
      '--repository must be a GitHub repository as owner/name (e.g. calcom/cal.com), got "cal.com"',
    ],
    [['a.json', '--commit', '033ea29'], '--commit must be the full 40-digit hex commit id, got "033ea29"'],
    [['a.json', '--date', 'yesterday'], '--date must be a date such as 2026-03-26T11:59:10Z, got "yesterday"'],
  ])('refuses %j, naming the argument and the usage', (argv, problem) => {
    expect(() => parseSpecUpdateArguments(argv)).toThrowError(
      new Error(`pnpm spec:update: ${problem}. ${SPEC_UPDATE_USAGE}`),
    );
  });
});

describe('parseOpenApi3Document', () => {
  it('returns the parsed document', () => {
    expect(parseOpenApi3Document(DOCUMENT, 'new.json').paths['/v2/me']).toEqual({ get: {}, patch: {} });
  });

  it.each([
    ['<html>', /^new\.json is not valid JSON: .+\. Pass the unmodified v2\.openapi\.json as published by Cal\.com\.$/],
    [
      '{"swagger":"2.0","paths":{}}',
      'new.json is not an OpenAPI document: it has no "openapi" version string or no "paths" object. Pass Cal.com\'s API v2 OpenAPI document (e.g. https://cal.com/docs/api-reference/v2/openapi.json).',
    ],
    [
      '{"openapi":"3.1.0","info":{},"paths":{"/a":{}}}',
      'new.json is OpenAPI "3.1.0", but the contract validator reads OpenAPI 3.0.x documents only (Cal.com publishes 3.0.0). Pass a 3.0.x document, or extend src/contract/translate-schema.ts first.',
    ],
    [
      '{"openapi":"3.0.0","paths":{"/a":{}}}',
      'new.json has no "info" object, which every OpenAPI 3.0 document has. Pass the unmodified document.',
    ],
    [
      '{"openapi":"3.0.0","info":{},"paths":{}}',
      'new.json lists no paths. Pass the full Cal.com API v2 document, not an empty or partial one.',
    ],
  ])('refuses %s', (text, message) => {
    expect(() => parseOpenApi3Document(text, 'new.json')).toThrowError(
      typeof message === 'string' ? new Error(message) : message,
    );
  });
});

describe('buildSpecProvenance and formatSpecProvenance', () => {
  const content = new TextEncoder().encode(DOCUMENT);
  const document = parseOpenApi3Document(DOCUMENT, 'new.json');
  const takenAt = new Date('2026-12-01T23:59:00Z');

  it('records the digest, the summary, the given facts and the date; the missing facts as "unknown"', () => {
    expect(
      buildSpecProvenance(content, document, { repository: 'calcom/cal.com', commit: 'c'.repeat(40) }, takenAt),
    ).toEqual({
      document: 'v2.openapi.json',
      what: 'unknown',
      title: 'Cal.com API v2',
      openapi: '3.0.0',
      paths: 1,
      operations: 2,
      ...digestOf(content),
      source: { repository: 'calcom/cal.com', path: 'unknown', commit: 'c'.repeat(40), commitDate: 'unknown' },
      takenAt: '2026-12-01',
      licence: 'unknown',
      unknown: ['what', 'source.path', 'source.commitDate', 'licence'],
    });
  });

  it('formats as two-space JSON with string arrays on one line and a final newline', () => {
    const text = formatSpecProvenance(buildSpecProvenance(content, document, {}, takenAt));
    expect(text).toContain(
      '  "unknown": ["what", "source.repository", "source.path", "source.commit", "source.commitDate", "licence"]\n}\n',
    );
    expect(text).toContain('  "source": {\n    "repository": "unknown",\n');
    const full = formatSpecProvenance(
      buildSpecProvenance(
        content,
        document,
        { what: 'w', licence: 'l', repository: 'a/b', path: 'p', commit: 'c', commitDate: 'd' },
        takenAt,
      ),
    );
    expect(full).toContain('  "unknown": []\n}\n');
  });
});

describe('updateVendoredSpec', () => {
  it('copies the new document byte-exact and rewrites provenance.json, with paths relative to cwd', () => {
    const { root, specFolder } = workspace();
    const result = updateVendoredSpec({
      file: 'new.json',
      cwd: root,
      specFolder,
      facts: { repository: 'calcom/cal.com', path: 'docs/api-reference/v2/openapi.json' },
      now: new Date('2026-12-01T10:00:00Z'),
    });
    expect(readFileSync(join(specFolder, 'v2.openapi.json'), 'utf8')).toBe(DOCUMENT);
    const written = JSON.parse(readFileSync(join(specFolder, 'provenance.json'), 'utf8'));
    expect(written).toEqual(result.provenance);
    expect(result).toEqual({
      specFile: join(specFolder, 'v2.openapi.json'),
      provenanceFile: join(specFolder, 'provenance.json'),
      provenance: expect.objectContaining({
        bytes: Buffer.byteLength(DOCUMENT),
        sha256: digestOf(Buffer.from(DOCUMENT)).sha256,
        takenAt: '2026-12-01',
        unknown: ['what', 'source.commit', 'source.commitDate', 'licence'],
      }),
      previousSha256: digestOf(Buffer.from('{"openapi":"3.0.0","paths":{}}')).sha256,
    });
  });

  it('reports no previous digest when spec/ held no document', () => {
    const { root } = workspace();
    const empty = join(root, 'empty-spec');
    mkdirSync(empty);
    const result = updateVendoredSpec({
      file: join(root, 'new.json'),
      cwd: '/',
      specFolder: empty,
      facts: {},
      now: new Date('2026-11-26T09:00:00Z'),
    });
    expect(result.previousSha256).toBeUndefined();
  });

  it('writes nothing when the new file is missing or not an OpenAPI 3.0 document', () => {
    const { root, specFolder } = workspace();
    const before = readFileSync(join(specFolder, 'v2.openapi.json'), 'utf8');
    const options = { cwd: root, specFolder, facts: {}, now: new Date('2026-11-26T09:00:00Z') };
    expect(() => updateVendoredSpec({ ...options, file: 'missing.json' })).toThrowError(
      new Error(
        `Cannot read the new document ${join(root, 'missing.json')}: ENOENT: no such file or directory, open '${join(root, 'missing.json')}'. Pass the path of the new v2.openapi.json.`,
      ),
    );
    writeFileSync(join(root, 'bad.json'), '{"openapi":"2.0","info":{},"paths":{"/a":{}}}');
    expect(() => updateVendoredSpec({ ...options, file: 'bad.json' })).toThrowError('is OpenAPI "2.0"');
    expect(readFileSync(join(specFolder, 'v2.openapi.json'), 'utf8')).toBe(before);
    expect(readFileSync(join(specFolder, 'provenance.json'), 'utf8')).toBe('{}\n');
  });
});
