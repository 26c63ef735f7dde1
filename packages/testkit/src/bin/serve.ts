#!/usr/bin/env node
import { startCalComServer } from '../server/start-server';

function portFromArguments(argv: readonly string[]): number {
  const index = argv.indexOf('--port');
  const raw = index >= 0 ? argv[index + 1] : process.env.PORT;
  if (raw === undefined || raw === '') return 0;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`Invalid port "${raw}": pass --port <0-65535> or set PORT (0 picks a free port).`);
    process.exit(2);
  }
  return port;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const server = await startCalComServer({ port: portFromArguments(argv) });
  console.log(`Cal.com API v2 simulator listening on ${server.url}`);
  console.log(`API key: ${server.apiKey} (simulator only)`);
  console.log('Use it with:');
  console.log(`  CAL_COM_BASE_URL=${server.url} CAL_COM_API_KEY=${server.apiKey}`);
  if (argv.includes('--once') || argv.includes('--smoke')) {
    const response = await fetch(`${server.url}/me`, { headers: { authorization: `Bearer ${server.apiKey}` } });
    console.log(`GET /v2/me -> ${response.status}`);
    console.log(JSON.stringify(await response.json(), null, 2));
    await server.close();
    process.exit(response.ok ? 0 : 1);
  }
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
