import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_SOURCE } from './load-spec';
import { isOpenApiDocument, readSpecFile } from './read-spec-file';

/** The fix every error about the shipped copy ends with. */
const BUNDLED_FIX =
  'The installed package is damaged: reinstall @calcom-int/testkit (inside the calcom-int repository, restore the ' +
  'file from git or run `pnpm spec:update <file>`), or set CAL_COM_OPENAPI_PATH to the path of an unmodified Cal.com ' +
  'v2.openapi.json.';

describe('readSpecFile with the shipped copy as source', () => {
  it('says the package is damaged and how to repair it when spec/v2.openapi.json is missing', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'calcom-spec-')), 'v2.openapi.json');
    expect(() => readSpecFile(file, BUNDLED_SOURCE)).toThrowError(
      new Error(
        `Cal.com OpenAPI document cannot be read at ${file} (from the copy shipped with @calcom-int/testkit ` +
          `(spec/v2.openapi.json)): ENOENT: no such file or directory, open '${file}'. ${BUNDLED_FIX}`,
      ),
    );
  });

  it('says so when the shipped copy is not JSON or not an OpenAPI document', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'calcom-spec-')), 'v2.openapi.json');
    writeFileSync(file, '{"openapi":');
    expect(() => readSpecFile(file, BUNDLED_SOURCE)).toThrowError(
      /^Cal\.com OpenAPI document at .+ \(from the copy shipped with @calcom-int\/testkit \(spec\/v2\.openapi\.json\)\) is not valid JSON: .+\. The installed package is damaged: /,
    );
    writeFileSync(file, '{}');
    expect(() => readSpecFile(file, BUNDLED_SOURCE)).toThrowError(
      new Error(
        `Cal.com OpenAPI document at ${file} (from the copy shipped with @calcom-int/testkit (spec/v2.openapi.json)) ` +
          `is not an OpenAPI document: it has no "openapi" version string or no "paths" object. ${BUNDLED_FIX}`,
      ),
    );
  });
});

describe('isOpenApiDocument', () => {
  it('accepts an object with an openapi string and a paths object, nothing else', () => {
    expect(isOpenApiDocument({ openapi: '3.0.0', paths: {} })).toBe(true);
    expect(isOpenApiDocument({ openapi: '3.0.0', paths: null })).toBe(false);
    expect(isOpenApiDocument({ openapi: '3.0.0', paths: [] })).toBe(false);
    expect(isOpenApiDocument([])).toBe(false);
    expect(isOpenApiDocument('3.0.0')).toBe(false);
  });
});
