import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseEnv } from 'node:util';

/** The monorepo root (the folder with `pnpm-workspace.yaml`). */
export const projectRoot = findProjectRoot(import.meta.dirname);

function findProjectRoot(start: string): string {
  let folder = start;
  while (!existsSync(join(folder, 'pnpm-workspace.yaml'))) {
    const parent = dirname(folder);
    if (parent === folder) return start;
    folder = parent;
  }
  return folder;
}

/** The Cal.com settings the suite reads, from the environment completed by the project-root `.env`. */
export interface LiveSettings {
  /** `CAL_COM_API_KEY`, when set and not blank. Never printed. */
  apiKey: string | undefined;
  /** `CAL_COM_BASE_URL`, when set and not blank. */
  baseUrl: string | undefined;
  /** Where the `.env` file was looked for, and whether it exists. */
  envFile: { path: string; exists: boolean };
}

/**
 * Reads `CAL_COM_API_KEY` and `CAL_COM_BASE_URL` from the process environment, completed (never overridden) by the
 * project-root `.env`, the same precedence as the client (D4).
 *
 * @param environment The process environment (default `process.env`).
 * @returns The settings.
 */
export function readLiveSettings(environment: NodeJS.ProcessEnv = process.env): LiveSettings {
  const path = join(projectRoot, '.env');
  const exists = existsSync(path);
  const fromFile = exists ? parseEnv(readFileSync(path, 'utf8')) : {};
  const pick = (name: string) => {
    const value = environment[name] ?? fromFile[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  return { apiKey: pick('CAL_COM_API_KEY'), baseUrl: pick('CAL_COM_BASE_URL'), envFile: { path, exists } };
}

/**
 * Whether a base URL points at this machine (loopback), i.e. a local simulator rather than Cal.com.
 *
 * @param baseUrl The base URL.
 * @returns `true` for `localhost`, `127.0.0.0/8` and `::1`.
 */
export function isLoopback(baseUrl: string): boolean {
  let hostname: string;
  try {
    hostname = new URL(baseUrl).hostname;
  } catch {
    return false;
  }
  return (
    hostname === 'localhost' || hostname === '[::1]' || hostname === '::1' || /^127\.\d+\.\d+\.\d+$/.test(hostname)
  );
}
