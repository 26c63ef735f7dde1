import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createTestClient } from '../../../test/support';
import { serveStdio } from './serve-stdio';

describe('serveStdio', () => {
  it('answers JSON-RPC lines on the given streams', async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const server = await serveStdio({ client: createTestClient(), stdin, stdout });
    const line = new Promise<string>((resolve) =>
      stdout.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8'))),
    );
    stdin.write(
      `${JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } },
      })}\n`,
    );
    const response = JSON.parse(await line) as { id: number; result: { serverInfo: { name: string } } };
    expect(response.id).toBe(1);
    expect(response.result.serverInfo).toEqual({ name: 'calcom', version: '0.0.0-test' });
    await server.close();
  });
});
