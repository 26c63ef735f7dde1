import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { CalComConfigError } from '../errors/config-error';

/** dotenv's `parse`, loaded on first use. */
let dotenvParse: typeof import('dotenv').parse | undefined;

/**
 * Parses a `.env` file with dotenv, which is loaded here, the first time a `.env` file is read, and not when the
 * package is imported: a client configured by its options or the process environment never loads it.
 */
function parseEnvFile(contents: Buffer): Record<string, string> {
  dotenvParse ??= (createRequire(import.meta.url)('dotenv') as typeof import('dotenv')).parse;
  return dotenvParse(contents);
}

/** The variables calcom-int reads (D4). */
export const ENVIRONMENT_VARIABLES = [
  'CAL_COM_API_KEY',
  'CAL_COM_BASE_URL',
  'CAL_COM_USER_ID',
  'CAL_COM_ORG_ID',
  'CAL_COM_LOG',
] as const;

/** The result of {@link loadEnvironment}. */
export interface LoadedEnvironment {
  /** The effective variables: the process environment, completed (never overridden) by the `.env` file. */
  readonly variables: Readonly<Record<string, string | undefined>>;
  /** The `.env` paths that were looked for, nearest first (one path when `envFile` was given). */
  readonly searched: readonly string[];
  /** The `.env` path that was read, if it existed. */
  readonly loadedFrom: string | undefined;
  /** The names (never the values) taken from the file. */
  readonly loadedNames: readonly string[];
  /** Log lines describing what was loaded from where (names only). */
  readonly log: readonly string[];
}

/** Options of {@link loadEnvironment}. */
export interface LoadEnvironmentOptions {
  /** The working directory to start from. */
  readonly cwd: string;
  /** An explicit `.env` file, absolute or relative to `cwd`. It must exist. */
  readonly envFile?: string | undefined;
  /** The process environment; it is read, never modified. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * Finds the project root: the nearest folder, from `start` upwards, that holds `pnpm-workspace.yaml`, `.git` or a
 * `package.json` with `workspaces`.
 *
 * @param start The folder to start from.
 * @returns The project root, or `undefined` when there is none.
 */
export function findProjectRoot(start: string): string | undefined {
  let folder = resolve(start);
  for (;;) {
    if (existsSync(join(folder, 'pnpm-workspace.yaml')) || existsSync(join(folder, '.git')) || hasWorkspaces(folder)) {
      return folder;
    }
    const parent = dirname(folder);
    if (parent === folder) {
      return undefined;
    }
    folder = parent;
  }
}

/** Tells whether a folder's `package.json` declares `workspaces`. */
function hasWorkspaces(folder: string): boolean {
  const manifest = join(folder, 'package.json');
  if (!existsSync(manifest)) {
    return false;
  }
  try {
    const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
    return typeof parsed === 'object' && parsed !== null && 'workspaces' in parsed;
  } catch {
    return false;
  }
}

/**
 * Lists where `.env` is looked for: `<cwd>/.env`, then the same in each folder above, up to and including the project
 * root ({@link findProjectRoot}); only `<cwd>/.env` when there is no project root.
 *
 * @param cwd The working directory.
 * @returns The candidate paths, nearest first.
 */
export function envFileCandidates(cwd: string): string[] {
  const start = resolve(cwd);
  const root = findProjectRoot(start);
  const candidates = [join(start, '.env')];
  if (root === undefined) {
    return candidates;
  }
  for (let folder = start; folder !== root; ) {
    const parent = dirname(folder);
    if (parent === folder) break;
    folder = parent;
    candidates.push(join(folder, '.env'));
  }
  return candidates;
}

/**
 * Reads one `.env` file with `dotenv.parse` (dotenv is loaded only then) and merges it under the process environment without modifying
 * `process.env`: a variable already set always wins. The file is `envFile` when given (it must exist), else the
 * nearest `.env` from the working directory up to the project root ({@link envFileCandidates}); only that one file is
 * read.
 *
 * @param options The working directory, the explicit file and the process environment.
 * @returns The effective variables and where they came from.
 */
export function loadEnvironment(options: LoadEnvironmentOptions): LoadedEnvironment {
  const variables: Record<string, string | undefined> = { ...options.env };
  if (options.envFile !== undefined) {
    const path = isAbsolute(options.envFile) ? options.envFile : resolve(options.cwd, options.envFile);
    if (!existsSync(path)) {
      throw new CalComConfigError(
        `envFile ${path} does not exist. Fix the path or omit envFile to use the nearest .env.`,
        'envFile',
      );
    }
    return readInto(variables, path, [path]);
  }
  const searched = envFileCandidates(options.cwd);
  const path = searched.find((candidate) => existsSync(candidate));
  if (path === undefined) {
    return {
      variables,
      searched,
      loadedFrom: undefined,
      loadedNames: [],
      log: [`No .env file at ${searched.join(', ')}; using the process environment.`],
    };
  }
  return readInto(variables, path, searched);
}

/** Reads a `.env` file into the variables that are not set yet. */
function readInto(
  variables: Record<string, string | undefined>,
  path: string,
  searched: readonly string[],
): LoadedEnvironment {
  const parsed = parseEnvFile(readFileSync(path));
  const loadedNames: string[] = [];
  const skipped: string[] = [];
  for (const [name, value] of Object.entries(parsed)) {
    if (variables[name] === undefined) {
      variables[name] = value;
      loadedNames.push(name);
    } else {
      skipped.push(name);
    }
  }
  const relevant = (names: string[]) => names.filter((name) => name.startsWith('CAL_COM_')).join(', ') || 'none';
  return {
    variables,
    searched,
    loadedFrom: path,
    loadedNames,
    log: [`Loaded ${relevant(loadedNames)} from ${path}; already set, kept: ${relevant(skipped)}.`],
  };
}
