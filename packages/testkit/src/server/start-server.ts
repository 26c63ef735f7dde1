import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { createCalComSimulator } from '../simulator/create-simulator';
import { DEFAULT_API_KEY } from '../simulator/seed';
import type { CalComSimulator } from '../simulator/types';

/** Options of {@link startCalComServer}. */
export interface CalComServerOptions {
  /** Port; 0 (default) picks a free one. */
  port?: number;
  /** Interface; default `127.0.0.1`. */
  host?: string;
  /** Simulator to serve; a new default one when omitted. */
  simulator?: CalComSimulator;
}

/** A running loopback Cal.com simulator. */
export interface CalComServer {
  /** Base URL ending in `/v2`, e.g. `http://127.0.0.1:53123/v2`. */
  url: string;
  /** API key of the default user. */
  apiKey: string;
  /** The simulator behind the server. */
  simulator: CalComSimulator;
  /**
   * Options for a `CalComClient` (`@calcom-int/core`) pointed at this server: its key, its base URL and the
   * simulator's clock, so that client and simulator agree on the date (`new CalComClient(server.clientOptions)`).
   */
  clientOptions: { readonly apiKey: string; readonly baseUrl: string; readonly now: () => Date };
  /** Stops listening and destroys open sockets (also those of hanging requests). */
  close(): Promise<void>;
  /** Number of TCP connections accepted since start (keep-alive reuse keeps it low). */
  connections(): number;
  /**
   * Number of TCP connections open right now: accepted and not yet closed (by either side). A client that closed its
   * pool is seen here once the server got the close, so poll it rather than read it once.
   */
  openConnections(): number;
}

async function toRequest(incoming: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (let index = 0; index < incoming.rawHeaders.length; index += 2) {
    headers.append(incoming.rawHeaders[index] ?? '', incoming.rawHeaders[index + 1] ?? '');
  }
  const method = (incoming.method ?? 'GET').toUpperCase();
  const body = method === 'GET' || method === 'HEAD' ? undefined : Buffer.concat(chunks);
  return new Request(new URL(incoming.url ?? '/', origin), {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
  });
}

async function writeResponse(response: Response, outgoing: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = Buffer.from(await response.arrayBuffer());
  outgoing.writeHead(response.status, { ...headers, 'content-length': String(body.length) });
  outgoing.end(body);
}

/**
 * Serves a simulator over node:http with keep-alive, for tests through real sockets, demos and benchmarks.
 * A reset fault destroys the socket; a hang never answers (but `close()` still finishes).
 *
 * @param options Port, host and simulator.
 * @returns The running server.
 */
export async function startCalComServer(options: CalComServerOptions = {}): Promise<CalComServer> {
  const simulator = options.simulator ?? createCalComSimulator();
  const host = options.host ?? '127.0.0.1';
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createServer({ keepAlive: true }, (incoming, outgoing) => {
    const origin = `http://${incoming.headers.host ?? host}`;
    void (async () => {
      try {
        const result = await simulator.handle(await toRequest(incoming, origin));
        if (result instanceof Response) await writeResponse(result, outgoing);
        else if (result.kind === 'reset') incoming.socket.destroy();
      } catch {
        incoming.socket.destroy();
      }
    })();
  });
  server.keepAliveTimeout = 5_000;
  server.on('connection', (socket: Socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? 0);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${urlHost}:${port}/v2`;
  return {
    url,
    apiKey: DEFAULT_API_KEY,
    simulator,
    clientOptions: Object.freeze({ apiKey: DEFAULT_API_KEY, baseUrl: url, now: () => simulator.now() }),
    connections: () => accepted,
    openConnections: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
