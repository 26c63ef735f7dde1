#!/usr/bin/env node
// `pnpm test` runs this first. The scale-out suites (packages/redis, packages/server) start a real `redis-server` and
// `nginx` on loopback ports, as issue 14 asks; they are Debian packages, not npm ones. When one is missing on a Debian
// machine where we are root (this project's machine, and CI), it is installed with apt-get, so the README's Quick
// start works with only Node and npm; anywhere else the run stops with the command to install them.
import { execFileSync, spawnSync } from 'node:child_process';

const ENGINES = [
  { program: 'redis-server', debianPackage: 'redis-server' },
  { program: 'nginx', debianPackage: 'nginx' },
];

const onPath = (program) => spawnSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' }).status === 0;

const missing = ENGINES.filter((engine) => !onPath(engine.program));
if (missing.length > 0) {
  const packages = missing.map((engine) => engine.debianPackage);
  const canInstall = process.getuid?.() === 0 && onPath('apt-get');
  if (!canInstall) {
    console.error(
      `The scale-out tests need ${packages.join(' and ')} on PATH (a real Redis and a real load balancer on loopback). ` +
        `Install them (Debian/Ubuntu: sudo apt-get install -y ${packages.join(' ')}; macOS: brew install ${packages
          .map((name) => (name === 'redis-server' ? 'redis' : name))
          .join(' ')}) and run the tests again.`,
    );
    process.exit(1);
  }
  console.error(`Installing ${packages.join(' and ')} with apt-get for the scale-out tests…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: ['ignore', 'ignore', 'inherit'], env });
}
