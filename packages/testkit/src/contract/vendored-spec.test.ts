import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledProvenancePath, bundledSpecPath } from './bundled-spec';
import { loadCalComSpec } from './load-spec';
import { digestOf } from './spec-digest';
import { calComSpecProvenance, parseSpecProvenance } from './spec-provenance';
import { summarizeSpec } from './spec-summary';

/**
 * Guards the vendored document: an edit to `spec/v2.openapi.json` that does not go through `pnpm spec:update` (which
 * rewrites `spec/provenance.json`) fails here instead of passing silently.
 */
describe('spec/v2.openapi.json matches spec/provenance.json', () => {
  const content = readFileSync(bundledSpecPath());
  const recorded = parseSpecProvenance(JSON.parse(readFileSync(bundledProvenancePath(), 'utf8')), 'provenance.json');

  it('has the recorded byte count, SHA-256 and git blob id', () => {
    expect(digestOf(content)).toEqual({ bytes: recorded.bytes, sha256: recorded.sha256, gitBlob: recorded.gitBlob });
  });

  it('has the recorded title, OpenAPI version, path and operation counts', () => {
    expect(summarizeSpec(loadCalComSpec(bundledSpecPath()))).toEqual({
      title: recorded.title,
      openapi: recorded.openapi,
      paths: recorded.paths,
      operations: recorded.operations,
    });
  });

  it('records every unknown field as "unknown" and lists it', () => {
    const values: Record<string, string> = {
      what: recorded.what,
      licence: recorded.licence,
      'source.repository': recorded.source.repository,
      'source.path': recorded.source.path,
      'source.commit': recorded.source.commit,
      'source.commitDate': recorded.source.commitDate,
    };
    const unknown = Object.keys(values).filter((field) => values[field] === 'unknown');
    expect([...recorded.unknown].sort()).toEqual(unknown.sort());
    expect(recorded.document).toBe('v2.openapi.json');
    expect(recorded.takenAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('is what calComSpecProvenance() returns', () => {
    expect(calComSpecProvenance()).toEqual(recorded);
  });
});
