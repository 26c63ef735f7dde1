/**
 * The pure parts of `pnpm spec:update` (see `spec-update.ts` for the command line): reading the arguments, checking
 * that a file is an OpenAPI 3.0 document, computing its provenance record, and writing the document and the record
 * into a `spec/` folder. Every function takes its folders and clock as arguments, so the tests run in temp folders.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUNDLED_PROVENANCE_FILE, BUNDLED_SPEC_FILE } from '../src/contract/bundled-spec';
import type { OpenApiDocument } from '../src/contract/openapi-document';
import { isOpenApiDocument } from '../src/contract/read-spec-file';
import { digestOf } from '../src/contract/spec-digest';
import {
  type CalComSpecProvenance,
  type CalComSpecSource,
  parseSpecProvenance,
  UNKNOWN_PROVENANCE_VALUE,
} from '../src/contract/spec-provenance';
import { summarizeSpec } from '../src/contract/spec-summary';

/** How to call the command, printed with every argument error. */
export const SPEC_UPDATE_USAGE =
  'Usage: pnpm spec:update <file> [--repository <owner/name>] [--path <path in that repository>] ' +
  '[--commit <40-hex commit id>] [--date <commit date, ISO 8601>] [--what <what the document is>] ' +
  '[--licence <licence note>]';

/** The facts about the new document's origin that the caller may supply; each one left out is recorded as unknown. */
export interface SpecOriginFacts {
  /** `--repository`: the GitHub repository the bytes were taken from (`owner/name`). */
  readonly repository?: string;
  /** `--path`: the file's path inside that repository. */
  readonly path?: string;
  /** `--commit`: the full commit id. */
  readonly commit?: string;
  /** `--date`: the commit date. */
  readonly commitDate?: string;
  /** `--what`: what the document is. */
  readonly what?: string;
  /** `--licence`: the licence note. */
  readonly licence?: string;
}

/** The parsed command line. */
export interface SpecUpdateArguments {
  /** The new document, as given (relative to the caller's folder). */
  readonly file: string;
  /** The origin facts given as options. */
  readonly facts: SpecOriginFacts;
}

/** The option names and the fact each one sets. */
const OPTIONS: Readonly<Record<string, keyof SpecOriginFacts>> = {
  '--repository': 'repository',
  '--path': 'path',
  '--commit': 'commit',
  '--date': 'commitDate',
  '--what': 'what',
  '--licence': 'licence',
};

/**
 * Reads the command line of `pnpm spec:update`.
 *
 * @param argv The arguments after the script name.
 * @returns The file and the origin facts, checked (`--repository` is `owner/name`, `--commit` 40 hex digits,
 *   `--date` a parseable date, normalized to ISO 8601 UTC).
 * @throws An `Error` naming the argument, what is wrong and the usage.
 */
export function parseSpecUpdateArguments(argv: readonly string[]): SpecUpdateArguments {
  const fail = (problem: string): never => {
    throw new Error(`pnpm spec:update: ${problem}. ${SPEC_UPDATE_USAGE}`);
  };
  const facts: Record<string, string> = {};
  const files: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] as string;
    if (argument === '--') continue;
    if (!argument.startsWith('--')) {
      files.push(argument);
      continue;
    }
    const [name = '', inlineValue] = argument.split(/=(.*)/s, 2);
    const fact = OPTIONS[name];
    if (fact === undefined) fail(`unknown option ${name}`);
    if (inlineValue === undefined) index += 1;
    const value = inlineValue ?? argv[index];
    if (value === undefined || value.trim() === '' || (inlineValue === undefined && value.startsWith('--'))) {
      fail(`option ${name} needs a value`);
    }
    if (facts[fact as string] !== undefined) fail(`option ${name} is given twice`);
    facts[fact as string] = (value as string).trim();
  }
  if (files.length !== 1) {
    fail(files.length === 0 ? 'the new document <file> is missing' : `expected one <file>, got ${files.join(', ')}`);
  }
  if (facts.repository !== undefined && !/^[\w.-]+\/[\w.-]+$/.test(facts.repository)) {
    fail(`--repository must be a GitHub repository as owner/name (e.g. calcom/cal.com), got "${facts.repository}"`);
  }
  if (facts.commit !== undefined && !/^[0-9a-f]{40}$/i.test(facts.commit)) {
    fail(`--commit must be the full 40-digit hex commit id, got "${facts.commit}"`);
  }
  if (facts.commitDate !== undefined) {
    const time = Date.parse(facts.commitDate);
    if (Number.isNaN(time)) {
      fail(`--date must be a date such as 2026-03-26T11:59:10Z, got "${facts.commitDate}"`);
    }
    facts.commitDate = new Date(time).toISOString().replace('.000Z', 'Z');
  }
  if (facts.commit !== undefined) facts.commit = facts.commit.toLowerCase();
  return { file: files[0] as string, facts };
}

/**
 * Checks that a file's text is an OpenAPI 3.0 document the contract validator can read: JSON, an `openapi` version
 * `3.0.x`, an `info` object and at least one path.
 *
 * @param text The file's text.
 * @param file The file's path, for error messages.
 * @returns The parsed document.
 * @throws An `Error` naming the file and what is wrong.
 */
export function parseOpenApi3Document(text: string, file: string): OpenApiDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `${file} is not valid JSON: ${reason}. Pass the unmodified v2.openapi.json as published by Cal.com.`,
    );
  }
  if (!isOpenApiDocument(value)) {
    throw new Error(
      `${file} is not an OpenAPI document: it has no "openapi" version string or no "paths" object. Pass Cal.com's ` +
        'API v2 OpenAPI document (e.g. https://cal.com/docs/api-reference/v2/openapi.json).',
    );
  }
  if (!/^3\.0\.\d+$/.test(value.openapi)) {
    throw new Error(
      `${file} is OpenAPI "${value.openapi}", but the contract validator reads OpenAPI 3.0.x documents only (Cal.com ` +
        'publishes 3.0.0). Pass a 3.0.x document, or extend src/contract/translate-schema.ts first.',
    );
  }
  const info = (value as { readonly info?: unknown }).info;
  if (typeof info !== 'object' || info === null || Array.isArray(info)) {
    throw new Error(
      `${file} has no "info" object, which every OpenAPI 3.0 document has. Pass the unmodified document.`,
    );
  }
  if (Object.keys(value.paths).length === 0) {
    throw new Error(`${file} lists no paths. Pass the full Cal.com API v2 document, not an empty or partial one.`);
  }
  return value;
}

/**
 * Computes the provenance record of a document.
 *
 * @param content The document's exact bytes.
 * @param document The parsed document.
 * @param facts The origin facts given; the others are recorded as `unknown` and listed in `unknown`.
 * @param takenAt When the copy is taken.
 * @returns The record.
 */
export function buildSpecProvenance(
  content: Uint8Array,
  document: OpenApiDocument,
  facts: SpecOriginFacts,
  takenAt: Date,
): CalComSpecProvenance {
  const unknown: string[] = [];
  const fact = (name: keyof SpecOriginFacts, field: string): string => {
    const value = facts[name];
    if (value !== undefined) return value;
    unknown.push(field);
    return UNKNOWN_PROVENANCE_VALUE;
  };
  const what = fact('what', 'what');
  const source: CalComSpecSource = {
    repository: fact('repository', 'source.repository'),
    path: fact('path', 'source.path'),
    commit: fact('commit', 'source.commit'),
    commitDate: fact('commitDate', 'source.commitDate'),
  };
  const licence = fact('licence', 'licence');
  return {
    document: BUNDLED_SPEC_FILE,
    what,
    ...summarizeSpec(document),
    ...digestOf(content),
    source,
    takenAt: takenAt.toISOString().slice(0, 10),
    licence,
    unknown,
  };
}

/**
 * Formats a provenance record as `provenance.json` is stored: two-space JSON, arrays of strings on one line (as the
 * repository's formatter writes them), and a final newline.
 *
 * @param provenance The record.
 * @returns The file's text.
 */
export function formatSpecProvenance(provenance: CalComSpecProvenance): string {
  const text = JSON.stringify(provenance, null, 2).replace(
    /\[\n\s+("[^\n]*"(?:,\n\s+"[^\n]*")*)\n\s*\]/g,
    (_match, items: string) => `[${items.split(/,\n\s+/).join(', ')}]`,
  );
  return `${text}\n`;
}

/** Options of {@link updateVendoredSpec}. */
export interface UpdateVendoredSpecOptions {
  /** The new document (absolute, or relative to `cwd`). */
  readonly file: string;
  /** The folder `file` is relative to. */
  readonly cwd: string;
  /** The `spec/` folder written to. */
  readonly specFolder: string;
  /** The origin facts given. */
  readonly facts: SpecOriginFacts;
  /** The time the copy is taken. */
  readonly now: Date;
}

/** What {@link updateVendoredSpec} wrote. */
export interface UpdateVendoredSpecResult {
  /** The document written. */
  readonly specFile: string;
  /** The provenance record written. */
  readonly provenanceFile: string;
  /** The new record. */
  readonly provenance: CalComSpecProvenance;
  /** The SHA-256 of the document that was there before, or `undefined` when there was none. */
  readonly previousSha256: string | undefined;
}

/**
 * Replaces the vendored document: checks that the new file is an OpenAPI 3.0 document, writes its exact bytes to
 * `<specFolder>/v2.openapi.json` and a new `<specFolder>/provenance.json`. Nothing is written when the check fails.
 *
 * @param options The new file, the folders and the origin facts.
 * @returns The files written and the new record.
 * @throws An `Error` naming the file and what is wrong when it cannot be read or is not an OpenAPI 3.0 document.
 */
export function updateVendoredSpec(options: UpdateVendoredSpecOptions): UpdateVendoredSpecResult {
  const sourceFile = resolve(options.cwd, options.file);
  let content: Buffer;
  try {
    content = readFileSync(sourceFile);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot read the new document ${sourceFile}: ${reason}. Pass the path of the new v2.openapi.json.`);
  }
  const document = parseOpenApi3Document(content.toString('utf8'), sourceFile);
  const provenance = parseSpecProvenance(
    JSON.parse(formatSpecProvenance(buildSpecProvenance(content, document, options.facts, options.now))),
    'the new record',
  );
  const specFile = join(options.specFolder, BUNDLED_SPEC_FILE);
  const provenanceFile = join(options.specFolder, BUNDLED_PROVENANCE_FILE);
  const previousSha256 = readDigest(specFile);
  writeFileSync(specFile, content);
  writeFileSync(provenanceFile, formatSpecProvenance(provenance));
  return { specFile, provenanceFile, provenance, previousSha256 };
}

/**
 * Reads the SHA-256 of a file, if it exists.
 *
 * @param file The path.
 * @returns The digest, or `undefined` when the file cannot be read.
 */
function readDigest(file: string): string | undefined {
  try {
    return digestOf(readFileSync(file)).sha256;
  } catch {
    return undefined;
  }
}
