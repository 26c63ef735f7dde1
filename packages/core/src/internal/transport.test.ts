import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetch as undiciFetch } from 'undici';
import { describe, expect, it } from 'vitest';
import { createTransport } from './transport';

describe('createTransport', () => {
  it('reuses one keep-alive connection over a real socket and returns status, headers and text', async () => {
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
    const transport = createTransport({
      fetch: undiciFetch as unknown as typeof globalThis.fetch,
      keepAliveTimeoutMs: 5000,
      connections: 1,
    });
    try {
      const first = await transport.send({
        url: `${origin}/v2/me`,
        method: 'GET',
        headers: {},
        signal: new AbortController().signal,
      });
      const second = await transport.send({
        url: `${origin}/v2/bookings`,
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"a":1}',
        signal: new AbortController().signal,
      });
      const third = await transport.send({
        url: `${origin}/v2/fail`,
        method: 'GET',
        headers: {},
        signal: new AbortController().signal,
      });
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
      await new Promise<void>((resolve) => http.close(() => resolve()));
    }
  });
});
