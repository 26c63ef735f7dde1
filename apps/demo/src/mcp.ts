import { fileURLToPath } from 'node:url';
import { createStderrLogger, serveStdio } from '@calcom-int/tools/mcp';
import { chooseTarget } from './target';

/**
 * `pnpm mcp`: serves the Cal.com tools over stdio — against the embedded simulator when no key is configured — and
 * prints (on stderr, since stdout carries the protocol) the `claude mcp add` line that starts the same server. The
 * client logs to stderr too, at every `CAL_COM_LOG` level.
 */
async function main(): Promise<void> {
  const target = await chooseTarget({ logger: createStderrLogger() });
  const bin = fileURLToPath(import.meta.resolve('@calcom-int/mcp/package.json')).replace(
    /package\.json$/,
    'dist/bin/calcom-mcp.js',
  );
  const env =
    target.kind === 'simulator'
      ? ` --env CAL_COM_BASE_URL=${target.baseUrl} --env CAL_COM_API_KEY=${target.apiKey}`
      : ' --env CAL_COM_API_KEY=<your key>';
  process.stderr.write(
    [
      `calcom MCP server on stdio, against ${target.description}.`,
      'To use it from Claude Code (keep this running when it points at the simulator):',
      `  claude mcp add calcom${env} -- node ${bin}`,
      '',
    ].join('\n'),
  );
  const server = await serveStdio({ client: target.client });
  const stop = async () => {
    await server.close();
    await target.close();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.stdin.once('end', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
