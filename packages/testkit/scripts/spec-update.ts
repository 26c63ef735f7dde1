/**
 * `pnpm spec:update <file> [--repository R --path P --commit C --date D --what W --licence L]`: replaces
 * `packages/testkit/spec/v2.openapi.json` with a new Cal.com OpenAPI document (byte-exact), rewrites
 * `spec/provenance.json`, regenerates the facts taken from it (`pnpm spec:generate`) and re-runs the testkit's tests. The logic lives in `run-spec-update.ts` and
 * `update-spec.ts`; this file only wires in the real folders, clock, console and test runner.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BUNDLED_SPEC_FOLDER } from '../src/contract/bundled-spec';
import { testkitPackageRoot } from '../src/contract/package-root';
import { CONTRACT_TEST_COMMAND, GENERATE_COMMAND, runSpecUpdate } from './run-spec-update';

const packageRoot = testkitPackageRoot();

/** Runs a command at the repository root, its output passed through, and returns its exit status. */
function runAtRoot([command = 'pnpm', ...commandArguments]: readonly string[]): number {
  return (
    spawnSync(command, commandArguments, {
      cwd: join(packageRoot, '..', '..'),
      stdio: 'inherit',
      shell: process.platform === 'win32',
    }).status ?? 1
  );
}

process.exitCode = runSpecUpdate(process.argv.slice(2), {
  // `pnpm spec:update` runs this file in packages/testkit; INIT_CWD is the folder the caller typed the command in.
  cwd: process.env.INIT_CWD ?? process.cwd(),
  specFolder: join(packageRoot, BUNDLED_SPEC_FOLDER),
  now: () => new Date(),
  generateSpecFacts: () => runAtRoot(GENERATE_COMMAND),
  runContractTests: () => runAtRoot(CONTRACT_TEST_COMMAND),
  log: (line) => console.log(line),
  error: (line) => console.error(line),
});
