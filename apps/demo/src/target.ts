import { CalComClient, type CalComClientOptions, loadEnvironment } from '@calcom-int/core';
import type { CalComSimulator } from '@calcom-int/testkit';
import { startCalComServer } from '@calcom-int/testkit/server';

/** Where the demo runs: the embedded simulator or a real Cal.com account. */
export interface DemoTarget {
  /** `simulator` or `cal.com`. */
  readonly kind: 'simulator' | 'cal.com';
  /** The client pointed at the target. */
  readonly client: CalComClient;
  /** The clock the client and the target share: the simulator's, or the system's for Cal.com. */
  readonly now: () => Date;
  /** A one-line description for the banner. */
  readonly description: string;
  /** The simulator's base URL (simulator only). */
  readonly baseUrl?: string;
  /** The simulator's API key — a test key, never a real one (simulator only). */
  readonly apiKey?: string;
  /** Stops the simulator (if any) and releases connections. */
  close(): Promise<void>;
}

/**
 * Tells whether a base URL points at this machine.
 *
 * @param baseUrl The base URL.
 * @returns Whether its host is a loopback address.
 */
export function isLoopback(baseUrl: string): boolean {
  const host = new URL(baseUrl).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Chooses the target: real Cal.com when `CAL_COM_API_KEY` is set (environment or the project-root `.env`) and
 * `CAL_COM_BASE_URL` is not a loopback address; otherwise the simulator on a free loopback port.
 *
 * @param clientOptions Extra client options, e.g. the stderr `logger` of the stdio MCP server.
 * @returns The target.
 */
export async function chooseTarget(clientOptions: CalComClientOptions = {}): Promise<DemoTarget> {
  const { variables } = loadEnvironment({ cwd: process.cwd(), env: process.env });
  const apiKey = variables.CAL_COM_API_KEY;
  const baseUrl = variables.CAL_COM_BASE_URL;
  if (apiKey && !(baseUrl && isLoopback(baseUrl))) {
    const client = new CalComClient(clientOptions);
    return {
      kind: 'cal.com',
      client,
      now: () => new Date(),
      description: `Cal.com at ${baseUrl || 'https://api.cal.com/v2'} (key from CAL_COM_API_KEY)`,
      close: () => client.close(),
    };
  }
  return simulatorTarget(undefined, clientOptions);
}

/**
 * Starts a simulator on a free loopback port and a client on the simulator's clock.
 *
 * @param simulator The simulator to serve; a fresh one on the system clock when omitted.
 * @param clientOptions Extra client options (the key, base URL and clock are the server's).
 * @returns The target.
 */
export async function simulatorTarget(
  simulator?: CalComSimulator,
  clientOptions: CalComClientOptions = {},
): Promise<DemoTarget> {
  const server = await startCalComServer(simulator === undefined ? {} : { simulator });
  const client = new CalComClient({ ...clientOptions, ...server.clientOptions });
  return {
    kind: 'simulator',
    client,
    now: server.clientOptions.now,
    baseUrl: server.url,
    apiKey: server.apiKey,
    description: `the embedded Cal.com simulator at ${server.url}`,
    close: async () => {
      await client.close();
      await server.close();
    },
  };
}
