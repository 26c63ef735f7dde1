import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A redis-server child process on a loopback port. */
export interface RedisProcess {
  /** The URL, `redis://127.0.0.1:<port>`. */
  readonly url: string;
  /** The port. */
  readonly port: number;
  /** Stops it (SIGTERM) and waits for the exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port (after {@link RedisProcess.stop}), empty. */
  start(): Promise<void>;
}

/**
 * Finds a free loopback TCP port.
 *
 * @returns The port.
 */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Tells whether a program is on the PATH.
 *
 * @param program The program name.
 * @returns Whether `command -v` finds it.
 */
export function hasProgram(program: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts a real redis-server (Debian's `redis-server`) on a free loopback port, without persistence. Fails with the
 * install command when it is missing.
 *
 * @returns The running server.
 */
/**
 * The environment for an outside engine (redis-server, nginx): ours without libfaketime. The shifted-clock run
 * (tooling/test-shifted-clock.sh) tests our code on another date; libfaketime breaks redis-server's start-up
 * ("unexpected recursive calls to clock_gettime()"), and the engines keep no dates our tests read.
 *
 * @returns The environment.
 */
export function engineEnvironment(): NodeJS.ProcessEnv {
  const { LD_PRELOAD: _preload, FAKETIME: _faketime, DONT_FAKE_MONOTONIC: _monotonic, ...rest } = process.env;
  return rest;
}

export async function startRedis(): Promise<RedisProcess> {
  if (!hasProgram('redis-server')) {
    throw new Error('redis-server is not installed: run `apt-get install -y redis-server` (.ci/run does).');
  }
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    const started = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'], env: engineEnvironment() },
    );
    child = started;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      started.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (output.includes('Ready to accept connections')) resolve();
      });
      started.once('exit', (code) => reject(new Error(`redis-server exited with ${String(code)}: ${output}`)));
    });
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    stop: () =>
      new Promise<void>((resolve) => {
        const running = child;
        if (running === undefined || running.exitCode !== null) {
          resolve();
          return;
        }
        running.once('exit', () => resolve());
        running.kill('SIGTERM');
      }),
  };
}
