import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundledSpecPath } from './bundled-spec';
import { loadCalComSpec } from './load-spec';
import { digestOf } from './spec-digest';
import { calComSpecProvenance } from './spec-provenance';

/** Creates a temporary folder for one test. */
function temporaryFolder(): string {
  return mkdtempSync(join(tmpdir(), 'calcom-spec-'));
}

/** The package folder, found from this file (src/contract/). */
const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');

/** What each error says about a path that came from the argument. */
function argumentFix(cwd: string): string {
  return (
    `Pass loadCalComSpec(path) the path of an unmodified Cal.com v2.openapi.json (absolute, or relative to ${cwd}), ` +
    'or call loadCalComSpec() without a path to use the copy shipped with @calcom-int/testkit.'
  );
}

/** What each error says about a path that came from CAL_COM_OPENAPI_PATH. */
function environmentFix(cwd: string): string {
  return (
    `Set CAL_COM_OPENAPI_PATH to the path of an unmodified Cal.com v2.openapi.json (absolute, or relative to ${cwd}), ` +
    'or unset it to use the copy shipped with @calcom-int/testkit.'
  );
}

describe('loadCalComSpec', () => {
  it('loads the copy shipped in the package (spec/v2.openapi.json) when neither argument nor variable is given', () => {
    const file = join(PACKAGE_ROOT, 'spec', 'v2.openapi.json');
    expect(bundledSpecPath()).toBe(file);
    const spec = loadCalComSpec(undefined, { env: {}, cwd: temporaryFolder() });
    expect(spec).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    expect(spec.openapi).toBe('3.0.0');
    expect(Object.keys(spec.paths)).toHaveLength(181);
    expect(digestOf(readFileSync(file)).sha256).toBe(calComSpecProvenance().sha256);
  });

  it('treats an empty CAL_COM_OPENAPI_PATH as unset', () => {
    expect(loadCalComSpec(undefined, { env: { CAL_COM_OPENAPI_PATH: '' } }).paths['/v2/me']).toBeDefined();
  });

  it('reads process.env and the working directory when no options are given', () => {
    const root = temporaryFolder();
    writeFileSync(join(root, 'spec.json'), '{"openapi":"3.0.9","paths":{}}');
    const previous = process.env.CAL_COM_OPENAPI_PATH;
    process.env.CAL_COM_OPENAPI_PATH = join(root, 'spec.json');
    try {
      expect(loadCalComSpec().openapi).toBe('3.0.9');
    } finally {
      if (previous === undefined) delete process.env.CAL_COM_OPENAPI_PATH;
      else process.env.CAL_COM_OPENAPI_PATH = previous;
    }
  });

  it('prefers CAL_COM_OPENAPI_PATH over the shipped copy, relative to the working directory', () => {
    const root = temporaryFolder();
    writeFileSync(join(root, 'spec.json'), '{"openapi":"3.0.1","paths":{"/v2/me":{}}}');
    expect(loadCalComSpec(undefined, { cwd: root, env: { CAL_COM_OPENAPI_PATH: 'spec.json' } })).toEqual({
      openapi: '3.0.1',
      paths: { '/v2/me': {} },
    });
  });

  it('prefers the path argument over the environment, relative to the working directory', () => {
    const root = temporaryFolder();
    writeFileSync(join(root, 'a.json'), '{"openapi":"3.0.2","paths":{}}');
    const env = { CAL_COM_OPENAPI_PATH: join(root, 'missing.json') };
    expect(loadCalComSpec(join(root, 'a.json'), { env }).openapi).toBe('3.0.2');
    expect(loadCalComSpec('a.json', { cwd: root, env }).openapi).toBe('3.0.2');
  });

  it('names the argument and how to fix it when the file is missing', () => {
    const root = temporaryFolder();
    const file = join(root, 'nope.json');
    expect(() => loadCalComSpec('nope.json', { cwd: root, env: {} })).toThrowError(
      new Error(
        `Cal.com OpenAPI document cannot be read at ${file} (from the path argument of loadCalComSpec(path)): ` +
          `ENOENT: no such file or directory, open '${file}'. ${argumentFix(root)}`,
      ),
    );
  });

  it('names CAL_COM_OPENAPI_PATH and how to fix it when its file is missing', () => {
    const root = temporaryFolder();
    const file = join(root, 'nope.json');
    expect(() => loadCalComSpec(undefined, { cwd: root, env: { CAL_COM_OPENAPI_PATH: 'nope.json' } })).toThrowError(
      new Error(
        `Cal.com OpenAPI document cannot be read at ${file} (from CAL_COM_OPENAPI_PATH): ENOENT: no such file or ` +
          `directory, open '${file}'. ${environmentFix(root)}`,
      ),
    );
  });

  it('reports a file that is not JSON, naming where its path came from', () => {
    const root = temporaryFolder();
    const file = join(root, 'bad.json');
    writeFileSync(file, '<html>');
    const reason = (() => {
      try {
        JSON.parse('<html>');
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(() => loadCalComSpec(file, { cwd: root })).toThrowError(
      new Error(
        `Cal.com OpenAPI document at ${file} (from the path argument of loadCalComSpec(path)) is not valid JSON: ` +
          `${reason}. ${argumentFix(root)}`,
      ),
    );
    expect(() => loadCalComSpec(undefined, { cwd: root, env: { CAL_COM_OPENAPI_PATH: file } })).toThrowError(
      new Error(
        `Cal.com OpenAPI document at ${file} (from CAL_COM_OPENAPI_PATH) is not valid JSON: ${reason}. ` +
          environmentFix(root),
      ),
    );
  });

  it('reports JSON that is not an OpenAPI document', () => {
    const root = temporaryFolder();
    const file = join(root, 'other.json');
    writeFileSync(file, '{"swagger":"2.0","paths":{}}');
    expect(() => loadCalComSpec(file, { cwd: root })).toThrowError(
      new Error(
        `Cal.com OpenAPI document at ${file} (from the path argument of loadCalComSpec(path)) is not an OpenAPI ` +
          `document: it has no "openapi" version string or no "paths" object. ${argumentFix(root)}`,
      ),
    );
    expect(() => loadCalComSpec(undefined, { cwd: root, env: { CAL_COM_OPENAPI_PATH: file } })).toThrowError(
      new Error(
        `Cal.com OpenAPI document at ${file} (from CAL_COM_OPENAPI_PATH) is not an OpenAPI document: it has no ` +
          `"openapi" version string or no "paths" object. ${environmentFix(root)}`,
      ),
    );
    for (const text of ['null', '[]', '{"openapi":"3.0.0"}', '{"openapi":"3.0.0","paths":[]}', '{"openapi":3}']) {
      writeFileSync(file, text);
      expect(() => loadCalComSpec(file), text).toThrowError('is not an OpenAPI document');
    }
  });
});
