import { parseSpecUpdateArguments, type SpecOriginFacts, updateVendoredSpec } from './update-spec';

/** The command that re-runs the testkit's tests (unit and contract) against the new document. */
export const CONTRACT_TEST_COMMAND = ['pnpm', 'turbo', 'run', 'test', '--filter=@calcom-int/testkit', '--force'];

/** The command that rewrites the `*.generated.ts` facts of core and testkit from the new document. */
export const GENERATE_COMMAND = ['pnpm', 'spec:generate'];

/** Everything `pnpm spec:update` touches outside its arguments, so the tests can replace it. */
export interface SpecUpdateEnvironment {
  /** The folder the caller ran the command in; relative file arguments are resolved from it. */
  readonly cwd: string;
  /** The `spec/` folder to write. */
  readonly specFolder: string;
  /** The clock, for the `takenAt` date. */
  readonly now: () => Date;
  /** Runs {@link GENERATE_COMMAND} and returns its exit status. */
  readonly generateSpecFacts: () => number;
  /** Runs {@link CONTRACT_TEST_COMMAND} and returns its exit status. */
  readonly runContractTests: () => number;
  /** Prints a progress line. */
  readonly log: (line: string) => void;
  /** Prints an error line. */
  readonly error: (line: string) => void;
}

/** The option that records each field that can be unknown. */
const OPTION_OF_FIELD: Readonly<Record<string, string>> = {
  what: '--what',
  licence: '--licence',
  'source.repository': '--repository',
  'source.path': '--path',
  'source.commit': '--commit',
  'source.commitDate': '--date',
};

/**
 * Runs `pnpm spec:update <file> [options]`: replaces the vendored document and its provenance record, regenerates the
 * facts generated from it (`pnpm spec:generate`), then re-runs the contract tests.
 *
 * @param argv The arguments after the script name.
 * @param environment The folders, clock, test runner and output.
 * @returns The exit status: 0 when the document was written and the tests pass, 2 for bad arguments, 1 when the file
 *   is not an OpenAPI 3.0 document (nothing written), the facts cannot be generated from it or the tests fail (the new
 *   document stays in place).
 */
export function runSpecUpdate(argv: readonly string[], environment: SpecUpdateEnvironment): number {
  let file: string;
  let facts: SpecOriginFacts;
  try {
    ({ file, facts } = parseSpecUpdateArguments(argv));
  } catch (error) {
    environment.error(messageOf(error));
    return 2;
  }
  let result: ReturnType<typeof updateVendoredSpec>;
  try {
    result = updateVendoredSpec({
      file,
      cwd: environment.cwd,
      specFolder: environment.specFolder,
      facts,
      now: environment.now(),
    });
  } catch (error) {
    environment.error(`pnpm spec:update: ${messageOf(error)} Nothing was written.`);
    return 1;
  }
  const { provenance } = result;
  environment.log(
    `Wrote ${result.specFile} (${provenance.bytes} bytes, sha256 ${provenance.sha256}, ${provenance.paths} paths, ` +
      `${provenance.operations} operations) and ${result.provenanceFile}.`,
  );
  if (result.previousSha256 === provenance.sha256) {
    environment.log('The document is byte-identical to the previous one; only the provenance record was rewritten.');
  }
  if (provenance.unknown.length > 0) {
    const missing = provenance.unknown.map((field) => `${field} (${OPTION_OF_FIELD[field] ?? field})`);
    environment.log(
      `Recorded as "unknown" because they were not given: ${missing.join(', ')}. Run the command again with those ` +
        'options to record them.',
    );
  }
  environment.log(`Regenerating the facts taken from the document: ${GENERATE_COMMAND.join(' ')}`);
  const generated = environment.generateSpecFacts();
  if (generated !== 0) {
    environment.error(
      `pnpm spec:update: generating the facts from the new document failed (exit status ${generated}). The new ` +
        "document stays in place: follow the message above (tooling/spec-facts/facts.ts names each fact's place in " +
        'the document), run `pnpm spec:generate` again, or restore packages/testkit/spec/ from git.',
    );
    return 1;
  }
  environment.log(`Running the contract tests: ${CONTRACT_TEST_COMMAND.join(' ')}`);
  const status = environment.runContractTests();
  if (status !== 0) {
    environment.error(
      `pnpm spec:update: the testkit tests fail against the new document (exit status ${status}). The new document ` +
        'stays in place: correct src/contract/spec-exceptions.ts or the simulator and docs/CALCOM-API.md, or restore ' +
        'packages/testkit/spec/ from git.',
    );
    return 1;
  }
  environment.log(
    'The testkit tests pass. Run `pnpm test` too: the core and tools tests check their requests against the same document.',
  );
  return 0;
}

/**
 * Turns a thrown value into its message.
 *
 * @param error The caught value.
 * @returns The message.
 */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
