import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { digestOf } from '../../src/contract/spec-digest';

/** The part of `@calcom-int/testkit/contract` these tests call. */
type ContractEntry = typeof import('../../src/contract/index');

/** This package's folder. */
const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
/** What the shipped document must hash to. */
const RECORDED = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'spec', 'provenance.json'), 'utf8')) as { sha256: string };

/**
 * Checks what one build of `./contract` loads by default: the shipped spec/v2.openapi.json, byte-identical to the
 * provenance record.
 *
 * @param contract The loaded entry.
 * @param packageRoot The package folder the entry belongs to.
 */
function expectBundledSpec(contract: ContractEntry, packageRoot: string): void {
  const file = join(packageRoot, 'spec', 'v2.openapi.json');
  expect(contract.bundledSpecPath()).toBe(file);
  expect(digestOf(readFileSync(file)).sha256).toBe(RECORDED.sha256);
  expect(contract.calComSpecProvenance().sha256).toBe(RECORDED.sha256);
  const spec = contract.loadCalComSpec(undefined, { env: {} });
  expect(spec).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}

describe('the built ./contract entry loads the spec shipped next to its dist/ (run after `pnpm build`)', () => {
  it('ESM: dist/contract.js', async () => {
    const entry = pathToFileURL(join(PACKAGE_ROOT, 'dist', 'contract.js')).href;
    expectBundledSpec((await import(entry)) as ContractEntry, PACKAGE_ROOT);
  });

  it('CJS: dist/contract.cjs through require', () => {
    const require = createRequire(import.meta.url);
    expectBundledSpec(require(join(PACKAGE_ROOT, 'dist', 'contract.cjs')) as ContractEntry, PACKAGE_ROOT);
  });

  it('an installed copy (node_modules/@calcom-int/testkit) finds its own spec/ from ESM and CJS in plain Node', () => {
    const installed = join(mkdtempSync(join(tmpdir(), 'calcom-installed-')), 'node_modules', '@calcom-int', 'testkit');
    mkdirSync(installed, { recursive: true });
    for (const part of ['dist', 'spec', 'package.json'])
      cpSync(join(PACKAGE_ROOT, part), join(installed, part), { recursive: true });
    symlinkSync(join(PACKAGE_ROOT, 'node_modules'), join(installed, 'node_modules'), 'dir');
    const report =
      'console.log(JSON.stringify({ path: contract.bundledSpecPath(), paths: Object.keys(contract.loadCalComSpec(undefined, { env: {} }).paths).length, sha256: contract.calComSpecProvenance().sha256 }))';
    const esm = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const contract = await import(${JSON.stringify(pathToFileURL(join(installed, 'dist', 'contract.js')).href)}); ${report}`,
      ],
      { encoding: 'utf8' },
    );
    const cjs = spawnSync(
      process.execPath,
      ['-e', `const contract = require(${JSON.stringify(join(installed, 'dist', 'contract.cjs'))}); ${report}`],
      { encoding: 'utf8' },
    );
    const expected = { path: join(installed, 'spec', 'v2.openapi.json'), paths: 181, sha256: RECORDED.sha256 };
    expect({ status: esm.status, stderr: esm.stderr, out: JSON.parse(esm.stdout) }).toEqual({
      status: 0,
      stderr: '',
      out: expected,
    });
    expect({ status: cjs.status, stderr: cjs.stderr, out: JSON.parse(cjs.stdout) }).toEqual({
      status: 0,
      stderr: '',
      out: expected,
    });
  });
});
