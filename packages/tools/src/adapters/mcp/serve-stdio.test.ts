import { PassThrough } from 'node:stream';
import { TEST_API_KEY, TEST_CLIENT_OPTIONS } from '@calcom-int/testkit/vitest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestClient, requestsSeen, useFixedSimulator } from '../../../test/support';
import { serveStdio } from './serve-stdio';
import { createStderrLogger } from './stderr-logger';

/** A JSON-RPC session over two streams: writes requests as lines, keeps every line the server writes. */
function jsonRpcSession(stdin: PassThrough, stdout: PassThrough) {
  let buffered = '';
  const lines: string[] = [];
  const waiting = new Map<number, (message: { id: number; result?: unknown }) => void>();
  stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    for (let index = buffered.indexOf('\n'); index !== -1; index = buffered.indexOf('\n')) {
      const line = buffered.slice(0, index);
      buffered = buffered.slice(index + 1);
      lines.push(line);
      const message = JSON.parse(line) as { id: number; result?: unknown };
      waiting.get(message.id)?.(message);
    }
  });
  return {
    /** Every line the server wrote to stdout, and what is left after the last newline. */
    output: () => ({ lines, rest: buffered }),
    /** Sends a request and resolves with its response. */
    request(id: number, method: string, params: Record<string, unknown>) {
      const response = new Promise<{ id: number; result?: unknown }>((resolve) => waiting.set(id, resolve));
      stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id, method, params })}\n`);
      return response;
    },
  };
}

const INITIALIZE = {
  protocolVersion: '2025-06-18',
  capabilities: {},
  clientInfo: { name: 'raw', version: '0' },
};

describe('serveStdio', () => {
  beforeEach(() => useFixedSimulator());

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('answers JSON-RPC lines on the given streams', async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const server = await serveStdio({ client: createTestClient(), stdin, stdout });
    const session = jsonRpcSession(stdin, stdout);
    const response = await session.request(1, 'initialize', INITIALIZE);
    expect(response.id).toBe(1);
    expect(response.result).toMatchObject({ serverInfo: { name: 'calcom', version: '0.0.0-test' } });
    await server.close();
  });

  it('without a client, creates one that logs every level to stderr and keeps stdout for the protocol', async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let logged = '';
    stderr.on('data', (chunk: Buffer) => {
      logged += chunk.toString('utf8');
    });
    const server = await serveStdio({
      clientOptions: { ...TEST_CLIENT_OPTIONS, logLevel: 'debug', maxRetries: 0 },
      stdin,
      stdout,
      stderr,
    });
    const session = jsonRpcSession(stdin, stdout);
    await session.request(1, 'initialize', INITIALIZE);
    const call = await session.request(2, 'tools/call', { name: 'get_user_profile', arguments: {} });
    expect(call.result).toMatchObject({ content: [{ type: 'text', text: expect.stringMatching(/^user_id 1001 \|/) }] });
    expect(requestsSeen().map(({ method, path }) => `${method} ${path}`)).toEqual(['GET /v2/me']);

    const { lines, rest } = session.output();
    expect(rest).toBe('');
    expect(lines.map((line) => (JSON.parse(line) as { jsonrpc: string; id: number }).id)).toEqual([1, 2]);
    expect(logged).toMatch(/^\[calcom-int\] → GET \/me /m);
    expect(logged).toMatch(/^\[calcom-int\] ← 200 GET \/me /m);
    expect(logged).not.toContain(TEST_API_KEY);
    await server.close();
  });

  it('gives the client it creates a stderr logger unless clientOptions bring one', async () => {
    const messages: string[] = [];
    const logger = {
      debug: (message: string) => messages.push(message),
      info: (message: string) => messages.push(message),
      warn: (message: string) => messages.push(message),
      error: (message: string) => messages.push(message),
    };
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const server = await serveStdio({
      clientOptions: { ...TEST_CLIENT_OPTIONS, logLevel: 'debug', maxRetries: 0, logger },
      stdin,
      stdout,
    });
    const session = jsonRpcSession(stdin, stdout);
    await session.request(1, 'initialize', INITIALIZE);
    await session.request(2, 'tools/call', { name: 'list_teams', arguments: {} });
    expect(messages).toContain('[calcom-int] → GET /teams');
    await server.close();
  });
});

describe('createStderrLogger', () => {
  it('writes every level, debug and info included, to the stream', () => {
    const stream = new PassThrough();
    const logger = createStderrLogger(stream);
    logger.debug('one', { detail: 1 });
    logger.info('two');
    logger.warn('three');
    logger.error('four');
    expect(stream.read()?.toString('utf8')).toBe('one { detail: 1 }\ntwo\nthree\nfour\n');
  });

  it('writes to process.stderr by default, never to process.stdout', () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const stdout = vi.spyOn(process.stdout, 'write');
    const logger = createStderrLogger();
    logger.debug('debug line');
    logger.info('info line');
    expect(stderr.mock.calls.map(([chunk]) => String(chunk))).toEqual(['debug line\n', 'info line\n']);
    expect(stdout).not.toHaveBeenCalled();
  });
});
