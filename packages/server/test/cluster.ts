import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engineEnvironment, freePort, hasProgram } from '../../redis/test/redis-server';

/** One server instance (a child process). */
export interface Instance {
  /** The child. */
  readonly child: ChildProcess;
  /** Its port. */
  readonly port: number;
  /** What it wrote to stderr (JSON log lines). */
  stderr(): string;
  /** Waits for its exit. */
  exited(): Promise<void>;
}

/**
 * Starts a server instance as a child process and waits until it listens.
 *
 * @param env Its environment (CALCOM_MCP_REDIS_URL, SIM_URL, SIM_NOW, …).
 * @returns The instance.
 */
export async function startInstance(env: Record<string, string>): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'instance.ts')], {
    env: { ...process.env, ...env, CALCOM_MCP_PORT: String(port), CALCOM_MCP_LOG_LEVEL: 'info' },
    cwd: join(import.meta.dirname, '..'),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (stderr.includes('"msg":"listening"')) resolve();
    });
    void exit.then(() => reject(new Error(`instance exited before listening:\n${stderr}`)));
  });
  return { child, port, stderr: () => stderr, exited: () => exit };
}

/** nginx in front of the instances. */
export interface LoadBalancer {
  /** The MCP URL through nginx. */
  readonly url: string;
  /** Stops nginx (SIGQUIT: graceful) and removes its folder. */
  stop(): Promise<void>;
}

/**
 * Starts Debian's nginx as a round-robin load balancer on a loopback port, with its own config in a temp folder.
 * Fails with the install command when nginx is missing.
 *
 * @param ports The instances' ports.
 * @returns The load balancer.
 */
export async function startNginx(ports: readonly number[]): Promise<LoadBalancer> {
  if (!hasProgram('nginx')) {
    throw new Error('nginx is not installed: run `apt-get install -y nginx` (.ci/run does).');
  }
  const dir = mkdtempSync(join(tmpdir(), 'calcom-nginx-'));
  const port = await freePort();
  const isRoot = process.getuid?.() === 0;
  const config = `
${isRoot ? 'user root;' : ''}
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream mcp {
${ports.map((instance) => `    server 127.0.0.1:${instance} max_fails=1 fail_timeout=10s;`).join('\n')}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://mcp;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_buffering off;
      proxy_read_timeout 120s;
    }
  }
}
`;
  writeFileSync(join(dir, 'nginx.conf'), config);
  const child = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: engineEnvironment(),
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}/mcp`;
  for (let attempt = 0; ; attempt += 1) {
    const healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    if (child.exitCode !== null || attempt > 100) {
      throw new Error(`nginx did not start:\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    async stop() {
      child.kill('SIGQUIT');
      await exit;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
