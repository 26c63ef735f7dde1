#!/usr/bin/env node
// `pnpm changesets:check`: renders the pending changesets exactly as a release would — `changeset version` in a
// temporary copy of the repository, which formats every generated CHANGELOG.md with prettier — and fails when a
// summary line does not come out verbatim (prettier turns `cal_ or cal_live_` into `cal* or cal_live*`, for example).
// The work tree is only read. `--self-test` proves the check catches such a line: it renders one deliberately bad and
// one good changeset and expects exactly the bad one to fail.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');

/** Never copied: dependencies (linked instead), build and test output, git data and local secrets. */
function isCopied(source) {
  const name = basename(source);
  return !['node_modules', '.git', '.turbo', 'dist', 'coverage', '.run'].includes(name) && !name.startsWith('.env');
}

/**
 * Reads a changeset like `@changesets/parse`: the front matter's package names and the trimmed summary.
 *
 * @param text The file's text.
 * @returns The released package names and the summary, or `undefined` when the file is not a changeset.
 */
function parseChangeset(text) {
  const match = /^\s*---([\s\S]*?)\n\s*---(\s*(?:\n|$)[\s\S]*)$/.exec(text);
  if (match === null) return undefined;
  const packages = [];
  for (const line of (match[1] ?? '').split('\n')) {
    const entry = /^\s*["']?([^"':]+)["']?\s*:\s*\S+/.exec(line);
    if (entry?.[1] !== undefined) packages.push(entry[1].trim());
  }
  return { packages, summary: (match[2] ?? '').trim() };
}

/** The changeset files of a `.changeset` folder (not its README). */
function changesetFiles(folder) {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .sort();
}

/** Maps each workspace package name to its folder, from the `packages:` globs of `pnpm-workspace.yaml`. */
function workspacePackages(directory) {
  const byName = new Map();
  const yaml = readFileSync(join(directory, 'pnpm-workspace.yaml'), 'utf8');
  const section = /^packages:\s*\n((?:[ \t]+-.*\n?)+)/m.exec(yaml)?.[1] ?? '';
  for (const line of section.split('\n')) {
    const pattern = /^\s*-\s*["']?([^"'#]+?)["']?\s*$/.exec(line)?.[1];
    if (pattern === undefined) continue;
    const folders = pattern.endsWith('/*')
      ? readdirSync(join(directory, pattern.slice(0, -2)), { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => join(pattern.slice(0, -2), entry.name))
      : [pattern];
    for (const folder of folders) {
      const manifest = join(directory, folder, 'package.json');
      if (existsSync(manifest)) byName.set(JSON.parse(readFileSync(manifest, 'utf8')).name, folder);
    }
  }
  return byName;
}

/** The newest release section of a CHANGELOG.md: from the first `## ` heading to the next. */
function newestEntry(changelog) {
  const lines = changelog.split('\n');
  const start = lines.findIndex((line) => line.startsWith('## '));
  if (start < 0) return [];
  const next = lines.findIndex((line, index) => index > start && line.startsWith('## '));
  return lines.slice(start + 1, next < 0 ? undefined : next);
}

function normalize(line) {
  return line.trim().replace(/\s+/g, ' ');
}

/** A generated line as written, and without the `- ` (and `abc1234: ` commit) the changelog puts before a summary. */
function candidates(line) {
  const normalized = normalize(line);
  return [normalized, normalized.replace(/^- (?:[0-9a-f]{7,40}: )?/, '')];
}

/** The generated line most like the expected one (most shared words), to show what became of it. */
function closest(expected, generated) {
  const words = new Set(expected.split(' '));
  let best = '';
  let bestScore = -1;
  for (const line of generated) {
    const score = line.split(' ').filter((word) => words.has(word)).length;
    if (score > bestScore) {
      best = line;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Copies the repository to a temporary folder, optionally swaps its changesets, runs `changeset version` there and
 * compares every summary line with the generated changelogs.
 *
 * @param replacement Changesets (file name → text) to render instead of the repository's own; `undefined` keeps them.
 * @returns The number of changesets and lines checked, and one problem per line that did not come out verbatim.
 */
function render(replacement) {
  const temporary = mkdtempSync(join(tmpdir(), 'changesets-check-'));
  const linkedModules = join(temporary, 'node_modules');
  try {
    cpSync(root, temporary, { recursive: true, filter: isCopied });
    symlinkSync(realpathSync(join(root, 'node_modules')), linkedModules, 'dir');
    const changesetFolder = join(temporary, '.changeset');
    if (replacement !== undefined) {
      for (const name of changesetFiles(changesetFolder)) rmSync(join(changesetFolder, name));
      for (const [name, text] of Object.entries(replacement)) writeFileSync(join(changesetFolder, name), text);
    }
    const changesets = changesetFiles(changesetFolder).map((name) => ({
      file: `.changeset/${name}`,
      ...parseChangeset(readFileSync(join(changesetFolder, name), 'utf8')),
    }));
    const packages = workspacePackages(temporary);

    const cli = createRequire(join(root, 'package.json')).resolve('@changesets/cli/bin.js');
    const result = spawnSync(process.execPath, [cli, 'version'], {
      cwd: temporary,
      encoding: 'utf8',
      // No git repository above the copy: changesets then leaves the commit hash out of each changelog line.
      env: { ...process.env, GIT_CEILING_DIRECTORIES: dirname(temporary), FORCE_COLOR: '0' },
    });
    if (result.status !== 0) {
      throw new Error(`changeset version failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
    }

    const problems = [];
    let lines = 0;
    for (const changeset of changesets) {
      if (changeset.packages === undefined) {
        problems.push({ file: changeset.file, message: 'is not a changeset (no `---` front matter)' });
        continue;
      }
      const expectedLines = changeset.summary.split('\n').map(normalize).filter(Boolean);
      for (const name of changeset.packages) {
        const folder = packages.get(name);
        if (folder === undefined) {
          problems.push({ file: changeset.file, message: `names ${name}, which is not a workspace package` });
          continue;
        }
        const changelogPath = join(temporary, folder, 'CHANGELOG.md');
        const changelog = relative(temporary, changelogPath);
        const generated = existsSync(changelogPath)
          ? newestEntry(readFileSync(changelogPath, 'utf8')).map(normalize).filter(Boolean)
          : [];
        const available = new Set(generated.flatMap(candidates));
        for (const expected of expectedLines) {
          lines += 1;
          if (!available.has(expected)) {
            problems.push({ file: changeset.file, changelog, expected, generated: closest(expected, generated) });
          }
        }
      }
    }
    return { changesets: changesets.length, lines, problems };
  } finally {
    if (existsSync(linkedModules)) unlinkSync(linkedModules);
    rmSync(temporary, { recursive: true, force: true });
  }
}

function printProblems(problems, write = console.error) {
  for (const problem of problems) {
    if (problem.message !== undefined) {
      write(`${problem.file} ${problem.message}`);
      continue;
    }
    write(`${problem.file}: a summary line changes in ${problem.changelog}`);
    write(`  expected:  ${problem.expected}`);
    write(`  generated: ${problem.generated || '(nothing)'}`);
  }
}

function check() {
  const started = Date.now();
  const { changesets, lines, problems } = render(undefined);
  if (problems.length > 0) {
    printProblems(problems);
    console.error(
      `\n${problems.length} changeset line(s) would be rewritten in the changelog. Write code, identifiers, env vars, ` +
        'key prefixes and file names in backticks (`cal_live_`, `CAL_COM_API_KEY`), then run `pnpm changesets:check`.',
    );
    return 1;
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`changesets:check: ${changesets} changeset(s), ${lines} summary line(s) render verbatim (${seconds} s).`);
  return 0;
}

function selfTest() {
  const header = '---\n"@calcom-int/core": patch\n---\n\n';
  const bad = 'self-test-bad.md';
  const good = 'self-test-good.md';
  const { problems } = render({
    [bad]: `${header}The error ends "(it starts with cal_ or cal_live_)".\n`,
    [good]: `${header}The error ends \`(it starts with cal_ or cal_live_)\`; the prefixes are \`cal_\` and \`cal_live_\`.\n`,
  });
  const badFailed = problems.some((problem) => problem.file === `.changeset/${bad}`);
  const others = problems.filter((problem) => problem.file !== `.changeset/${bad}`);
  if (badFailed && others.length === 0) {
    console.log('changesets:check --self-test: the deliberately bad changeset is reported, the good one passes:');
    printProblems(problems, (line) => console.log(`  ${line}`));
    return 0;
  }
  printProblems(problems);
  console.error(
    `changesets:check --self-test FAILED: ${badFailed ? '' : `${bad} was not reported; `}` +
      `${others.length} unexpected problem(s).`,
  );
  return 1;
}

try {
  process.exitCode = process.argv.includes('--self-test') ? selfTest() : check();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
