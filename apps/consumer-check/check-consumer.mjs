// Packs @calcom-int/core, /tools, /testkit and /mcp as they would be published, installs the tarballs with npm in a fresh
// project in the system's temp folder (no workspace, no folder of this repository beside it), and runs that project's
// own vitest suite (project/). Exits with the suite's status. Needs the packages built (turbo builds them first).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repository = join(here, '..', '..');
const packages = ['core', 'tools', 'testkit', 'mcp'];
const require = createRequire(import.meta.url);
const versionOf = (name) => JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;

const folder = mkdtempSync(join(tmpdir(), 'calcom-int-consumer-'));
const tarballs = join(folder, 'tarballs');
mkdirSync(tarballs);
let status = 1;
try {
  for (const name of packages) {
    execFileSync('pnpm', ['pack', '--pack-destination', tarballs], {
      cwd: join(repository, 'packages', name),
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const tarball = (name) =>
    `file:../tarballs/${readdirSync(tarballs).find((file) => file.startsWith(`calcom-int-${name}-`))}`;
  const project = join(folder, 'project');
  cpSync(join(here, 'project'), project, { recursive: true });
  const manifest = {
    name: 'calcom-int-consumer',
    private: true,
    type: 'module',
    scripts: { test: 'vitest run' },
    dependencies: Object.fromEntries(packages.map((name) => [`@calcom-int/${name}`, tarball(name)])),
    devDependencies: { msw: versionOf('msw'), vitest: versionOf('vitest') },
  };
  writeFileSync(join(project, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  // The consumer's environment: nothing of ours leaks in (no key, no spec path, no workspace).
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('CAL_COM_') && !name.startsWith('npm_')),
  );
  const run = (command, args) => spawnSync(command, args, { cwd: project, env, stdio: 'inherit' }).status ?? 1;
  console.log(`consumer-check: installing the packed packages in ${project}`);
  status = run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error']);
  if (status === 0) {
    status = run('npx', ['--no-install', 'vitest', 'run']);
  }
} finally {
  if (status === 0) rmSync(folder, { recursive: true, force: true });
  else console.error(`consumer-check: failed; the project is kept in ${folder} for a look.`);
}
process.exit(status);
