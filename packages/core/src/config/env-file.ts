import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parse } from 'dotenv';
import { CalComConfigError } from '../errors/config-error';

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
  /** The `.env` path that was looked for. */
  readonly searched: string;
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

/**
 * Tells whether a folder's `package.json` declares `workspaces`.
 *
 * @param folder The folder.
 * @returns Whether it is a workspace root.
 */
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
 * Reads the `.env` file (D4) with `dotenv.parse` and merges it under the process environment without modifying
 * `process.env`: a variable already set always wins. The file is `envFile` when given (it must exist), else
 * `<project root>/.env` (optional), else `<cwd>/.env` (optional).
 *
 * @param options The working directory, the explicit file and the process environment.
 * @returns The effective variables and where they came from.
 */
export function loadEnvironment(options: LoadEnvironmentOptions): LoadedEnvironment {
  const explicit = options.envFile !== undefined;
  const path = explicit
    ? isAbsolute(options.envFile as string)
      ? (options.envFile as string)
      : resolve(options.cwd, options.envFile as string)
    : join(findProjectRoot(options.cwd) ?? resolve(options.cwd), '.env');
  const variables: Record<string, string | undefined> = { ...options.env };
  if (!existsSync(path)) {
    if (explicit) {
      throw new CalComConfigError(
        `envFile ${path} does not exist. Fix the path or omit envFile to use the project's .env.`,
        'envFile',
      );
    }
    return {
      variables,
      searched: path,
      loadedFrom: undefined,
      loadedNames: [],
      log: [`No .env file at ${path}; using the process environment.`],
    };
  }
  const parsed = parse(readFileSync(path));
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
    searched: path,
    loadedFrom: path,
    loadedNames,
    log: [`Loaded ${relevant(loadedNames)} from ${path}; already set, kept: ${relevant(skipped)}.`],
  };
}
