import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { Agent, fetch as undiciFetch } from 'undici';
import { describe, expect, it } from 'vitest';
import { createTransport, type Transport } from './transport';

describe('createTransport', () => {
  it('sends through the caller’s dispatcher (one socket for all) and returns status, headers and text', async () => {
    let connections = 0;
    const seen: {
      method: string | undefined;
      url: string | undefined;
      body: string;
      contentType: string | undefined;
    }[] = [];
    const http = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      request.on('end', () => {
        seen.push({ method: request.method, url: request.url, body, contentType: request.headers['content-type'] });
        response.writeHead(request.url === '/v2/fail' ? 503 : 200, {
          'Content-Type': 'text/html',
          'X-Request-Id': 'r1',
        });
        response.end(request.url === '/v2/fail' ? '<h1>down</h1>' : '{"status":"success","data":1}');
      });
    });
    http.on('connection', () => {
      connections += 1;
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    // A pool of one socket: the three requests, sent together, can only share it if the dispatcher is used.
    const dispatcher = new Agent({ connections: 1, keepAliveTimeout: 5000 });
    const transport = createTransport({
      fetch: undiciFetch as unknown as typeof globalThis.fetch,
      dispatcher,
      maxResponseBytes: 1_000_000,
    });
    try {
      const [first, second, third] = await Promise.all([
        transport.send({ url: `${origin}/v2/me`, method: 'GET', headers: {}, signal: new AbortController().signal }),
        transport.send({
          url: `${origin}/v2/bookings`,
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{"a":1}',
          signal: new AbortController().signal,
        }),
        transport.send({ url: `${origin}/v2/fail`, method: 'GET', headers: {}, signal: new AbortController().signal }),
      ]);
      expect(first).toMatchObject({ status: 200, bodyText: '{"status":"success","data":1}' });
      expect(first.headers.get('x-request-id')).toBe('r1');
      expect(second.status).toBe(200);
      expect(third).toMatchObject({ status: 503, bodyText: '<h1>down</h1>' });
      expect(seen).toEqual([
        { method: 'GET', url: '/v2/me', body: '', contentType: undefined },
        { method: 'POST', url: '/v2/bookings', body: '{"a":1}', contentType: 'application/json' },
        { method: 'GET', url: '/v2/fail', body: '', contentType: undefined },
      ]);
      expect(connections).toBe(1);
    } finally {
      await transport.close();
      await transport.close();
      await dispatcher.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    }
  });
});

/** A loopback HTTP server for one test. */
interface Loopback {
  readonly origin: string;
  /** The requests it received, as `METHOD /path body`. */
  readonly requests: string[];
  /** Resolves when the first connection has closed (the client gave up on it). */
  readonly closed: Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts a loopback server that records each request and answers with `answer`.
 *
 * @param answer Writes the response.
 * @returns The server.
 */
async function loopback(answer: (request: IncomingMessage, response: ServerResponse) => void): Promise<Loopback> {
  const requests: string[] = [];
  let onClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => {
    onClosed = resolve;
  });
  const http = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', () => {
      requests.push(`${request.method} ${request.url} ${body}`.trim());
      answer(request, response);
    });
  });
  http.on('connection', (socket) => socket.on('close', onClosed));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    requests,
    closed,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

/**
 * Writes an endless body of `x` with backpressure, counting the bytes, until the client closes the connection.
 *
 * @param response The response.
 * @param headers The response headers.
 * @param written Receives the running byte count.
 */
function endlessBody(response: ServerResponse, headers: Record<string, string>, written: { bytes: number }): void {
  response.writeHead(200, { 'Content-Type': 'application/json', ...headers });
  const chunk = Buffer.alloc(64 * 1024, 'x');
  const pump = () => {
    while (!response.destroyed && !response.writableEnded) {
      written.bytes += chunk.byteLength;
      if (!response.write(chunk)) {
        response.once('drain', pump);
        return;
      }
    }
  };
  response.on('error', () => undefined);
  pump();
}

const realFetch = undiciFetch as unknown as typeof globalThis.fetch;
const signal = () => new AbortController().signal;
const MIB = 1024 * 1024;

/**
 * Runs a test body with a transport over real sockets and closes it afterwards.
 *
 * @param maxResponseBytes The body cap.
 * @param body The test body.
 */
async function withTransport(maxResponseBytes: number, body: (transport: Transport) => Promise<void>): Promise<void> {
  const transport = createTransport({ fetch: realFetch, maxResponseBytes });
  try {
    await body(transport);
  } finally {
    await transport.close();
  }
}

describe('createTransport and redirects (real sockets)', () => {
  it.each([301, 302, 303, 307, 308])('returns a %i as it is and never sends anything to its target', async (status) => {
    const target = await loopback((_request, response) => response.end('{"status":"success","data":{"id":1}}'));
    const origin = await loopback((_request, response) => {
      response.writeHead(status, { Location: `${target.origin}/v2/bookings?token=abc`, 'X-Request-Id': 'r-3xx' });
      response.end('Moved');
    });
    try {
      await withTransport(MIB, async (transport) => {
        const response = await transport.send({
          url: `${origin.origin}/v2/bookings`,
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{"attendee":{"email":"ann@example.com"}}',
          signal: signal(),
        });
        expect(response.status).toBe(status);
        expect(response.headers.get('location')).toBe(`${target.origin}/v2/bookings?token=abc`);
        expect(response.redirectedTo).toBeUndefined();
      });
      expect(origin.requests).toEqual(['POST /v2/bookings {"attendee":{"email":"ann@example.com"}}']);
      expect(target.requests).toEqual([]);
    } finally {
      await origin.close();
      await target.close();
    }
  });

  it('reports where a fetch that follows redirects anyway ended up', async () => {
    const followed = new Response('{}', { status: 200 });
    Object.defineProperty(followed, 'redirected', { value: true });
    Object.defineProperty(followed, 'url', { value: 'https://elsewhere.example/v2/me?token=abc' });
    const transport = createTransport({
      fetch: async () => followed,
      maxResponseBytes: MIB,
    });
    const response = await transport.send({
      url: 'https://api.cal.com/v2/me',
      method: 'GET',
      headers: {},
      signal: signal(),
    });
    expect(response).toMatchObject({
      status: 200,
      bodyText: '{}',
      redirectedTo: 'https://elsewhere.example/v2/me?token=abc',
    });
    await transport.close();
  });
});

describe('createTransport and the body cap (real sockets)', () => {
  it('stops at once when content-length is above maxResponseBytes, and the server stops writing', async () => {
    const written = { bytes: 0 };
    const server = await loopback((_request, response) =>
      endlessBody(response, { 'Content-Length': String(1024 * MIB) }, written),
    );
    try {
      await withTransport(MIB, async (transport) => {
        const response = await transport.send({
          url: `${server.origin}/v2/me`,
          method: 'GET',
          headers: {},
          signal: signal(),
        });
        expect(response).toMatchObject({ status: 200, bodyText: '', truncated: true });
      });
      await server.closed;
      // Socket buffers hold a few MB at most; without the cap the client would have read the whole 1 GiB.
      expect(written.bytes).toBeLessThan(64 * MIB);
    } finally {
      await server.close();
    }
  });

  it('stops a chunked body (no content-length) at maxResponseBytes and keeps only that much', async () => {
    const written = { bytes: 0 };
    const server = await loopback((_request, response) => endlessBody(response, {}, written));
    try {
      await withTransport(MIB, async (transport) => {
        const response = await transport.send({
          url: `${server.origin}/v2/me`,
          method: 'GET',
          headers: {},
          signal: signal(),
        });
        expect(response.truncated).toBe(true);
        expect(response.bodyText).toBe('x'.repeat(MIB));
      });
      await server.closed;
      expect(written.bytes).toBeLessThan(64 * MIB);
    } finally {
      await server.close();
    }
  });

  it('reads a body of exactly maxResponseBytes whole, and one byte more is truncated', async () => {
    const server = await loopback((request, response) => {
      response.end('y'.repeat(request.url === '/v2/exact' ? 1000 : 1001));
    });
    try {
      await withTransport(1000, async (transport) => {
        const exact = await transport.send({
          url: `${server.origin}/v2/exact`,
          method: 'GET',
          headers: {},
          signal: signal(),
        });
        expect(exact).toMatchObject({ bodyText: 'y'.repeat(1000) });
        expect(exact.truncated).toBeUndefined();
        const over = await transport.send({
          url: `${server.origin}/v2/over`,
          method: 'GET',
          headers: {},
          signal: signal(),
        });
        // `content-length: 1001` already says so: nothing is read.
        expect(over).toMatchObject({ bodyText: '', truncated: true });
      });
    } finally {
      await server.close();
    }
  });

  it('flags a body that is not UTF-8 and drops a byte-order mark, as Response.text() does', async () => {
    const server = await loopback((request, response) => {
      response.end(
        request.url === '/v2/latin1'
          ? Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d])
          : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":"é"}')]),
      );
    });
    try {
      await withTransport(MIB, async (transport) => {
        const latin1 = await transport.send({
          url: `${server.origin}/v2/latin1`,
          method: 'GET',
          headers: {},
          signal: signal(),
        });
        expect(latin1).toMatchObject({ bodyText: '{"a":"\uFFFD"}', invalidUtf8: true });
        const bom = await transport.send({
          url: `${server.origin}/v2/bom`,
          method: 'GET',
          headers: {},
          signal: signal(),
        });
        expect(bom.bodyText).toBe('{"a":"é"}');
        expect(bom.invalidUtf8).toBeUndefined();
      });
    } finally {
      await server.close();
    }
  });

  it('cuts at the cap a custom fetch whose body is longer than its content-length says', async () => {
    const lying = new Response('z'.repeat(50), { status: 200, headers: { 'content-length': '5' } });
    const transport = createTransport({ fetch: async () => lying, maxResponseBytes: 10 });
    const response = await transport.send({ url: 'https://api.cal.com/v2/me', method: 'GET', headers: {} });
    expect(response).toMatchObject({ status: 200, bodyText: 'z'.repeat(10), truncated: true });
  });

  it('streams a compressed body (its content-length counts compressed bytes) and cuts it at the cap', async () => {
    // 1 MiB of `x` gzips to about 1 KB: the declared length is far under the cap, the decoded body far over it.
    const compressed = gzipSync(Buffer.alloc(MIB, 'x'));
    const server = await loopback((_request, response) => {
      response.writeHead(200, { 'Content-Encoding': 'gzip', 'Content-Length': String(compressed.byteLength) });
      response.end(compressed);
    });
    try {
      await withTransport(64 * 1024, async (transport) => {
        const response = await transport.send({ url: `${server.origin}/v2/me`, method: 'GET', headers: {} });
        expect(compressed.byteLength).toBeLessThan(64 * 1024);
        expect(response.truncated).toBe(true);
        expect(response.bodyText).toBe('x'.repeat(64 * 1024));
      });
    } finally {
      await server.close();
    }
  });

  it('caps bodies of custom fetch implementations too: Node streams, plain text, any async iterable', async () => {
    const nodeStream = new Response(null, { status: 200 });
    Object.defineProperty(nodeStream, 'body', { value: Readable.from(['abc', Buffer.from('def'), 'ghi']) });
    const text = { status: 200, headers: new Headers(), body: null, _bodyInit: 'abcdefghi' };
    const failingCancel = new Response(null, { status: 200 });
    const endless: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]: () => ({
        next: async () => ({ done: false, value: new TextEncoder().encode('abc') }),
        return: async () => {
          throw new Error('the connection is already gone');
        },
      }),
    };
    Object.defineProperty(failingCancel, 'body', { value: endless });
    const answers: unknown[] = [nodeStream, text, failingCancel];
    const transport = createTransport({
      fetch: async () => answers.shift() as Response,
      maxResponseBytes: 5,
    });
    const request = { url: 'https://api.cal.com/v2/me', method: 'GET', headers: {}, signal: signal() };
    expect(await transport.send(request)).toMatchObject({ bodyText: 'abcde', truncated: true });
    expect(await transport.send(request)).toMatchObject({ bodyText: 'abcde', truncated: true });
    // A cancellation that fails is of no concern: the cut body is returned all the same.
    expect(await transport.send(request)).toMatchObject({ bodyText: 'abcab', truncated: true });
    await transport.close();
  });
});
