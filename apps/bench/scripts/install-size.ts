import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordSection } from '../src/document';

/**
 * Install weight as a user pays it: `pnpm pack` of core, tools and mcp (workspace ranges rewritten as published),
 * then `npm install` of the tarballs into fresh folders, one per path. Counts the installed packages
 * (`npm ls --all --parseable`) and the size of node_modules (`du`). Needs the npm registry (or a warm npm cache) for
 * the third-party dependencies. Writes the "install sizes" section of docs/BENCHMARKS.md.
 * Run: `pnpm --filter @calcom-int/bench install-size`.
 */
const PACKAGES = fileURLToPath(new URL('../../../packages/', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'calcom-install-size-'));
const tarballs = join(work, 'tarballs');
mkdirSync(tarballs);

const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const tarball: Record<string, string> = {};
for (const name of ['core', 'tools', 'mcp']) {
  run('pnpm', ['pack', '--pack-destination', tarballs], join(PACKAGES, name));
  const file = readdirSync(tarballs).find((entry) => entry.startsWith(`calcom-int-${name}-`));
  if (!file) throw new Error(`pnpm pack wrote no tarball for ${name}.`);
  tarball[name] = join(tarballs, file);
}

/** The install paths measured: what each kind of user installs. */
const PATHS: readonly { readonly name: string; readonly install: readonly string[] }[] = [
  { name: '`@calcom-int/core` alone', install: ['core'] },
  {
    name: '`@calcom-int/core` + `@calcom-int/tools` (AI SDK / Anthropic user; `ai` or `@anthropic-ai/sdk` not counted)',
    install: ['core', 'tools'],
  },
  {
    name: '`@calcom-int/mcp` (the stdio server: `npx -y @calcom-int/mcp`; tools, core and the MCP SDK)',
    install: ['core', 'tools', 'mcp'],
  },
];

const rows: string[] = [];
for (const path of PATHS) {
  const app = join(work, `app-${path.install.join('-')}`);
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--ignore-scripts', ...path.install.map((name) => tarball[name] ?? '')],
    app,
  );
  const packages = run('npm', ['ls', '--all', '--parseable'], app).trim().split('\n').length - 1;
  const kib = Number(run('du', ['-sk', 'node_modules'], app).split('\t')[0]);
  const line = `| ${path.name} | ${packages} | ${(kib / 1024).toFixed(1)} MB |`;
  console.log(line);
  rows.push(line);
}
rmSync(work, { recursive: true, force: true });

recordSection(
  'install sizes',
  [
    `Measured ${new Date().toISOString().slice(0, 10)} with npm ${run('npm', ['--version'], PACKAGES).trim()}: \`pnpm pack\` of the workspace packages, \`npm install\` of the tarballs into an empty folder (optional peers are not installed), \`npm ls --all --parseable\` and \`du -sk node_modules\` (MB = 1024² bytes).`,
    '',
    '| install | packages | node_modules |',
    '|---|---|---|',
    ...rows,
  ].join('\n'),
);
