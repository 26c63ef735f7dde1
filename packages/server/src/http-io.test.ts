import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { bearerToken, headerValue, webRequestOf } from './http-io';

describe('http-io', () => {
  it('reads the bearer token of an Authorization header, and nothing else', () => {
    expect(bearerToken('Bearer cal_live_abc')).toBe('cal_live_abc');
    expect(bearerToken('bearer   tok_1  ')).toBe('tok_1');
    expect(bearerToken('Basic dXNlcjpwYXNz')).toBeUndefined();
    expect(bearerToken('Bearer two words')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });

  it('reads the first non-empty header value', () => {
    expect(headerValue([' key-1 ', 'key-2'])).toBe('key-1');
    expect(headerValue('  ')).toBeUndefined();
    expect(headerValue(undefined)).toBeUndefined();
  });

  it('gives the MCP transport the method, URL and headers, without the connection framing headers', () => {
    const request = {
      method: 'POST',
      url: '/mcp?x=1',
      headers: {
        accept: 'application/json, text/event-stream',
        'content-type': 'application/json',
        'content-length': '42',
        connection: 'keep-alive',
        'transfer-encoding': 'chunked',
        'mcp-protocol-version': '2025-06-18',
        'x-forwarded-for': ['10.0.0.1', '10.0.0.2'],
      },
    } as unknown as IncomingMessage;
    const web = webRequestOf(request, 'https://mcp.example.com');
    expect(web.method).toBe('POST');
    expect(web.url).toBe('https://mcp.example.com/mcp?x=1');
    expect(Object.fromEntries(web.headers)).toEqual({
      accept: 'application/json, text/event-stream',
      'content-type': 'application/json',
      'mcp-protocol-version': '2025-06-18',
      'x-forwarded-for': '10.0.0.1, 10.0.0.2',
    });
  });
});
