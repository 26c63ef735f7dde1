import { readFileSync } from 'node:fs';
import { bundledProvenancePath } from './bundled-spec';

/** The value a provenance field has when its fact was not supplied; such fields are also listed in `unknown`. */
export const UNKNOWN_PROVENANCE_VALUE = 'unknown';

/** Where the vendored document was copied from. */
export interface CalComSpecSource {
  /** The GitHub repository (`owner/name`), e.g. `calcom/companion`. */
  readonly repository: string;
  /** The file's path inside that repository. */
  readonly path: string;
  /** The full commit id the bytes were taken from. */
  readonly commit: string;
  /** The commit date, ISO 8601 in UTC. */
  readonly commitDate: string;
}

/** The record kept in `spec/provenance.json` beside the vendored document. */
export interface CalComSpecProvenance {
  /** The document's file name inside `spec/` (`v2.openapi.json`). */
  readonly document: string;
  /** What the document is and where it was originally generated. */
  readonly what: string;
  /** The document's `info.title`, e.g. `Cal.com API v2`. */
  readonly title: string;
  /** The document's `openapi` version, e.g. `3.0.0`. */
  readonly openapi: string;
  /** How many paths the document lists. */
  readonly paths: number;
  /** How many operations (method + path) the document lists. */
  readonly operations: number;
  /** The document's size in bytes. */
  readonly bytes: number;
  /** The SHA-256 of the document's bytes, lowercase hex. */
  readonly sha256: string;
  /** The git blob id of the document's bytes (`git hash-object`). */
  readonly gitBlob: string;
  /** Where the bytes were copied from. */
  readonly source: CalComSpecSource;
  /** The date (`YYYY-MM-DD`, UTC) the copy was taken into this repository. */
  readonly takenAt: string;
  /** What is known about the document's licence, and how it is used here. */
  readonly licence: string;
  /** The fields (dotted paths such as `source.commit`) whose value is `unknown` because nobody supplied it. */
  readonly unknown: readonly string[];
}

/**
 * Returns where the OpenAPI document shipped with `@calcom-int/testkit` comes from: the source repository, path,
 * commit and commit date, its size, SHA-256 and git blob id, the date it was taken, and a licence note. The record is
 * read from `spec/provenance.json` inside the installed package, so it always describes the shipped copy; inside the
 * calcom-int repository `pnpm spec:update` rewrites it together with the document.
 *
 * @returns The provenance record.
 * @throws An `Error` naming the file and the field when `spec/provenance.json` is missing or malformed.
 */
export function calComSpecProvenance(): CalComSpecProvenance {
  const file = bundledProvenancePath();
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Provenance record ${file} cannot be read as JSON: ${reason}. Reinstall @calcom-int/testkit; inside the ` +
        'calcom-int repository restore spec/provenance.json from git or rewrite it with `pnpm spec:update <file>`.',
    );
  }
  return parseSpecProvenance(value, file);
}

/**
 * Checks a parsed `provenance.json` field by field.
 *
 * @param value The parsed JSON.
 * @param file The file it came from, for error messages.
 * @returns The typed record.
 * @throws An `Error` naming the file, the field and what is wrong with it.
 */
export function parseSpecProvenance(value: unknown, file: string): CalComSpecProvenance {
  const fail = (field: string, problem: string): never => {
    throw new Error(
      `Provenance record ${file} is invalid: "${field}" ${problem}. Rewrite it with \`pnpm spec:update <file>\` ` +
        'instead of editing it by hand.',
    );
  };
  const record = objectOrFail(value, 'the record', fail);
  const text = (from: Record<string, unknown>, field: string, prefix = ''): string => {
    const fieldValue = from[field];
    return typeof fieldValue === 'string' && fieldValue !== ''
      ? fieldValue
      : fail(`${prefix}${field}`, `must be a non-empty string, got ${JSON.stringify(fieldValue)}`);
  };
  const count = (field: string): number => {
    const fieldValue = record[field];
    return typeof fieldValue === 'number' && Number.isInteger(fieldValue) && fieldValue >= 0
      ? fieldValue
      : fail(field, `must be a whole number of at least 0, got ${JSON.stringify(fieldValue)}`);
  };
  const hex = (field: string, length: number): string => {
    const fieldValue = text(record, field);
    return new RegExp(`^[0-9a-f]{${length}}$`).test(fieldValue)
      ? fieldValue
      : fail(field, `must be ${length} lowercase hex digits, got ${JSON.stringify(fieldValue)}`);
  };
  const source = objectOrFail(record.source, 'source', fail);
  const unknown = record.unknown;
  if (!Array.isArray(unknown) || !unknown.every((entry) => typeof entry === 'string')) {
    fail('unknown', `must be an array of field names, got ${JSON.stringify(unknown)}`);
  }
  return {
    document: text(record, 'document'),
    what: text(record, 'what'),
    title: text(record, 'title'),
    openapi: text(record, 'openapi'),
    paths: count('paths'),
    operations: count('operations'),
    bytes: count('bytes'),
    sha256: hex('sha256', 64),
    gitBlob: hex('gitBlob', 40),
    source: {
      repository: text(source, 'repository', 'source.'),
      path: text(source, 'path', 'source.'),
      commit: text(source, 'commit', 'source.'),
      commitDate: text(source, 'commitDate', 'source.'),
    },
    takenAt: text(record, 'takenAt'),
    licence: text(record, 'licence'),
    unknown: unknown as string[],
  };
}

/**
 * Checks that a value is a plain object.
 *
 * @param value The value.
 * @param field The field name for the error.
 * @param fail Throws the error.
 * @returns The object.
 */
function objectOrFail(
  value: unknown,
  field: string,
  fail: (field: string, problem: string) => never,
): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : fail(field, `must be a JSON object, got ${JSON.stringify(value)}`);
}
