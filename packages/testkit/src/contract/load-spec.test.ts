import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCalComSpec } from './load-spec';

/** Creates a temporary folder tree for one test. */
function temporaryFolder(): string {
  return mkdtempSync(join(tmpdir(), 'calcom-spec-'));
}

describe('loadCalComSpec', () => {
  it('finds shared/calcom-openapi/v2.openapi.json next to an ancestor of the working directory', () => {
    const spec = loadCalComSpec(undefined, { env: {} });
    expect(spec.openapi).toBe('3.0.0');
    expect(spec.paths['/v2/me']).toBeDefined();
  });

  it('walks up from a nested folder', () => {
    const root = temporaryFolder();
    mkdirSync(join(root, 'shared', 'calcom-openapi'), { recursive: true });
    writeFileSync(join(root, 'shared', 'calcom-openapi', 'v2.openapi.json'), '{"openapi":"3.0.3","paths":{}}');
    const nested = join(root, 'repo', 'packages', 'testkit');
    mkdirSync(nested, { recursive: true });
    expect(loadCalComSpec(undefined, { cwd: nested, env: {} })).toEqual({ openapi: '3.0.3', paths: {} });
  });

  it('prefers CAL_COM_OPENAPI_PATH, relative to the working directory', () => {
    const root = temporaryFolder();
    writeFileSync(join(root, 'spec.json'), '{"openapi":"3.0.1","paths":{"/v2/me":{}}}');
    expect(loadCalComSpec(undefined, { cwd: root, env: { CAL_COM_OPENAPI_PATH: 'spec.json' } })).toEqual({
      openapi: '3.0.1',
      paths: { '/v2/me': {} },
    });
  });

  it('prefers the path argument over the environment', () => {
    const root = temporaryFolder();
    writeFileSync(join(root, 'a.json'), '{"openapi":"3.0.2","paths":{}}');
    expect(
      loadCalComSpec(join(root, 'a.json'), { env: { CAL_COM_OPENAPI_PATH: join(root, 'missing.json') } }).openapi,
    ).toBe('3.0.2');
  });

  it('names every folder searched and how to fix it when nothing is found', () => {
    const root = temporaryFolder();
    const nested = join(root, 'a');
    mkdirSync(nested);
    expect(() => loadCalComSpec(undefined, { cwd: nested, env: {} })).toThrowError(
      new RegExp(
        `^Cal\\.com OpenAPI document not found: CAL_COM_OPENAPI_PATH is not set and no shared/calcom-openapi/v2\\.openapi\\.json exists in ${nested} or any folder above it \\(searched: ${join(nested, 'shared/calcom-openapi/v2.openapi.json')}, ${join(root, 'shared/calcom-openapi/v2.openapi.json')}, .*/shared/calcom-openapi/v2\\.openapi\\.json\\)\\. Set CAL_COM_OPENAPI_PATH to the path of v2\\.openapi\\.json or pass the path to loadCalComSpec\\(path\\)\\.$`,
      ),
    );
  });

  it('reports a missing file from the environment variable', () => {
    const root = temporaryFolder();
    expect(() => loadCalComSpec(undefined, { cwd: root, env: { CAL_COM_OPENAPI_PATH: 'nope.json' } })).toThrowError(
      `Cal.com OpenAPI document cannot be read at ${join(root, 'nope.json')} (from CAL_COM_OPENAPI_PATH): ENOENT`,
    );
  });

  it('reports a file that is not JSON', () => {
    const root = temporaryFolder();
    writeFileSync(join(root, 'bad.json'), '<html>');
    expect(() => loadCalComSpec(join(root, 'bad.json'))).toThrowError(
      new RegExp(
        `^Cal\\.com OpenAPI document at ${join(root, 'bad.json')} \\(from the path argument\\) is not valid JSON: .+\\. Use the unmodified v2\\.openapi\\.json\\.$`,
      ),
    );
  });

  it('reports JSON that is not an OpenAPI document', () => {
    const root = temporaryFolder();
    writeFileSync(join(root, 'other.json'), '{"swagger":"2.0"}');
    expect(() => loadCalComSpec(join(root, 'other.json'))).toThrowError(
      `Cal.com OpenAPI document at ${join(root, 'other.json')} (from the path argument) has no "openapi" version string or no "paths" object. Use the unmodified v2.openapi.json.`,
    );
    writeFileSync(join(root, 'null.json'), 'null');
    expect(() => loadCalComSpec(join(root, 'null.json'))).toThrowError('has no "openapi" version string');
  });
});
