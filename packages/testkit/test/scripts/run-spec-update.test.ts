import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTRACT_TEST_COMMAND, runSpecUpdate, type SpecUpdateEnvironment } from '../../scripts/run-spec-update';
import { SPEC_UPDATE_USAGE } from '../../scripts/update-spec';
import { digestOf } from '../../src/contract/spec-digest';

/** A small valid OpenAPI 3.0 document. */
const DOCUMENT = '{"openapi":"3.0.0","info":{"title":"Cal.com API v2","version":"1"},"paths":{"/v2/me":{"get":{}}}}';

/** A temp `spec/` folder, a new document beside it, and an environment that records what the command printed. */
function setup(
  testStatus = 0,
  generateStatus = 0,
): {
  environment: SpecUpdateEnvironment;
  specFolder: string;
  output: string[];
  testRuns: () => number;
  generations: () => number;
} {
  const root = mkdtempSync(join(tmpdir(), 'calcom-spec-cli-'));
  const specFolder = join(root, 'spec');
  mkdirSync(specFolder);
  writeFileSync(join(root, 'new.json'), DOCUMENT);
  const output: string[] = [];
  let runs = 0;
  let generations = 0;
  return {
    specFolder,
    output,
    testRuns: () => runs,
    generations: () => generations,
    environment: {
      cwd: root,
      specFolder,
      now: () => new Date('2026-12-01T08:00:00Z'),
      generateSpecFacts: () => {
        generations += 1;
        return generateStatus;
      },
      runContractTests: () => {
        runs += 1;
        return testStatus;
      },
      log: (line) => output.push(`log: ${line}`),
      error: (line) => output.push(`error: ${line}`),
    },
  };
}

describe('runSpecUpdate', () => {
  it('writes the document and record, says which facts are unknown, runs the tests and exits 0 when they pass', () => {
    const { environment, specFolder, output, testRuns, generations } = setup();
    const argv = ['new.json', '--repository', 'calcom/cal.com', '--date', '2026-11-20T10:00:00Z'];
    expect(runSpecUpdate(argv, environment)).toBe(0);
    expect(readFileSync(join(specFolder, 'v2.openapi.json'), 'utf8')).toBe(DOCUMENT);
    expect(testRuns()).toBe(1);
    expect(generations()).toBe(1);
    const sha256 = digestOf(Buffer.from(DOCUMENT)).sha256;
    expect(output).toEqual([
      `log: Wrote ${join(specFolder, 'v2.openapi.json')} (${DOCUMENT.length} bytes, sha256 ${sha256}, 1 paths, 1 operations) and ${join(specFolder, 'provenance.json')}.`,
      'log: Recorded as "unknown" because they were not given: what (--what), source.path (--path), source.commit (--commit), licence (--licence). Run the command again with those options to record them.',
      'log: Regenerating the facts taken from the document: pnpm spec:generate',
      'log: Running the contract tests: pnpm turbo run test --filter=@calcom-int/testkit --force',
      'log: The testkit tests pass. Run `pnpm test` too: the core and tools tests check their requests against the same document.',
    ]);
  });

  it('says when the document did not change, and is silent about unknown facts when all were given', () => {
    const { environment, output } = setup();
    const argv = [
      'new.json',
      '--repository=a/b',
      '--path=p',
      `--commit=${'a'.repeat(40)}`,
      '--date=2026-01-01',
      '--what=w',
      '--licence=l',
    ];
    expect(runSpecUpdate(argv, environment)).toBe(0);
    output.length = 0;
    expect(runSpecUpdate(argv, environment)).toBe(0);
    expect(output[1]).toBe(
      'log: The document is byte-identical to the previous one; only the provenance record was rewritten.',
    );
    expect(output.some((line) => line.includes('unknown'))).toBe(false);
  });

  it('exits 1 and keeps the new document when the tests fail', () => {
    const { environment, specFolder, output } = setup(3);
    expect(runSpecUpdate(['new.json'], environment)).toBe(1);
    expect(readFileSync(join(specFolder, 'v2.openapi.json'), 'utf8')).toBe(DOCUMENT);
    expect(output.at(-1)).toBe(
      'error: pnpm spec:update: the testkit tests fail against the new document (exit status 3). The new document stays in place: correct src/contract/spec-exceptions.ts or the simulator and docs/CALCOM-API.md, or restore packages/testkit/spec/ from git.',
    );
  });

  it('exits 1, keeps the new document and runs no tests when the facts cannot be generated from it', () => {
    const { environment, specFolder, output, testRuns, generations } = setup(0, 1);
    expect(runSpecUpdate(['new.json'], environment)).toBe(1);
    expect(readFileSync(join(specFolder, 'v2.openapi.json'), 'utf8')).toBe(DOCUMENT);
    expect(generations()).toBe(1);
    expect(testRuns()).toBe(0);
    expect(output.slice(-2)).toEqual([
      'log: Regenerating the facts taken from the document: pnpm spec:generate',
      "error: pnpm spec:update: generating the facts from the new document failed (exit status 1). The new document stays in place: follow the message above (tooling/spec-facts/facts.ts names each fact's place in the document), run `pnpm spec:generate` again, or restore packages/testkit/spec/ from git.",
    ]);
  });

  it('exits 2 on bad arguments and 1 on a bad document, without writing or testing', () => {
    const { environment, output, testRuns, generations, specFolder } = setup();
    expect(runSpecUpdate([], environment)).toBe(2);
    expect(output).toEqual([`error: pnpm spec:update: the new document <file> is missing. ${SPEC_UPDATE_USAGE}`]);
    writeFileSync(join(environment.cwd, 'bad.json'), '[]');
    expect(runSpecUpdate(['bad.json'], environment)).toBe(1);
    expect(output[1]).toBe(
      `error: pnpm spec:update: ${join(environment.cwd, 'bad.json')} is not an OpenAPI document: it has no "openapi" version string or no "paths" object. Pass Cal.com's API v2 OpenAPI document (e.g. https://cal.com/docs/api-reference/v2/openapi.json). Nothing was written.`,
    );
    expect(testRuns()).toBe(0);
    expect(generations()).toBe(0);
    expect(() => readFileSync(join(specFolder, 'v2.openapi.json'))).toThrowError('ENOENT');
  });

  it('re-runs the testkit tests through turbo, uncached', () => {
    expect(CONTRACT_TEST_COMMAND).toEqual(['pnpm', 'turbo', 'run', 'test', '--filter=@calcom-int/testkit', '--force']);
  });
});

describe('scripts/spec-update.ts (the command line)', () => {
  it('runs under tsx and refuses a call without a file before touching anything', () => {
    const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
    const tsx = createRequire(join(packageRoot, 'package.json')).resolve('tsx/cli');
    const run = spawnSync(process.execPath, [tsx, join(packageRoot, 'scripts', 'spec-update.ts')], {
      encoding: 'utf8',
      cwd: packageRoot,
    });
    expect({ status: run.status, stderr: run.stderr.trim() }).toEqual({
      status: 2,
      stderr: `pnpm spec:update: the new document <file> is missing. ${SPEC_UPDATE_USAGE}`,
    });
  });
});
