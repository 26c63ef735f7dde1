import { CalComClient, type CalComClientOptions } from '@calcom-int/core';
import type { CalComSimulator } from '@calcom-int/testkit';
import { startCalComServer } from '@calcom-int/testkit/server';
import { inject } from 'vitest';
import { createLoggedFetch } from './api-log';
import { isLoopback, readLiveSettings } from './environment';
import { timedMethods } from './timed-client';
import { writeTargetDescription } from './timings';

/** The running loopback simulator server (`@calcom-int/testkit/server`). */
export type CalComServer = Awaited<ReturnType<typeof startCalComServer>>;

/** What a live test file talks to. */
export interface LiveTarget {
  /** `calcom` for the real API (a key is configured), `simulator` otherwise. */
  kind: 'simulator' | 'calcom';
  /** The base URL, ending in `/v2`. */
  baseUrl: string;
  /** The timed, logged client every test uses. */
  client: CalComClient;
  /**
   * The clock of the target, which its clients share: the simulator's, or the system clock for real Cal.com. Tests
   * compute every time from it, never from `Date.now()`.
   */
  now: () => Date;
  /** The simulator behind the loopback server; `undefined` against Cal.com. */
  simulator: CalComSimulator | undefined;
  /** The loopback server; `undefined` against Cal.com. */
  server: CalComServer | undefined;
  /** The key for subprocesses (the `calcom-mcp` bin); never print it. */
  apiKey: string;
  /**
   * Creates another logged client for the same target (for other keys, limits or `.env` files).
   *
   * @param overrides Options that replace the defaults.
   * @returns A new client; close it.
   */
  createClient: (overrides?: CalComClientOptions) => CalComClient;
  /** Closes the client and, for the simulator, the server. */
  close: () => Promise<void>;
}

/** Options of {@link selectTarget}. */
export interface SelectTargetOptions {
  /** A simulator to serve instead of a fresh one (seeded, with faults or limits). */
  simulator?: CalComSimulator;
  /** Use the simulator even when a real key is configured (volume and fault checks). */
  forceSimulator?: boolean;
}

function withV2(url: string): string {
  const trimmed = url.replace(/\/+$/, '');
  return trimmed.endsWith('/v2') ? trimmed : `${trimmed}/v2`;
}

/**
 * Picks the target: real Cal.com when `CAL_COM_API_KEY` is set (environment or project-root `.env`) and
 * `CAL_COM_BASE_URL` is not a loopback address; otherwise the testkit simulator on a free loopback port. Against
 * Cal.com it prints the account and that real bookings will be created and cleaned up.
 *
 * @param options A prepared simulator, or `forceSimulator`.
 * @returns The target with a timed, logged client.
 */
export async function selectTarget(options: SelectTargetOptions = {}): Promise<LiveTarget> {
  const runDirectory = inject('runDirectory');
  const settings = readLiveSettings();
  const fetch = createLoggedFetch(runDirectory);
  const real =
    options.forceSimulator !== true &&
    options.simulator === undefined &&
    settings.apiKey !== undefined &&
    (settings.baseUrl === undefined || !isLoopback(settings.baseUrl));

  if (real && settings.apiKey !== undefined) {
    const apiKey = settings.apiKey;
    const baseOptions: CalComClientOptions =
      settings.baseUrl === undefined ? { apiKey, fetch } : { apiKey, baseUrl: settings.baseUrl, fetch };
    const createClient = (overrides: CalComClientOptions = {}) =>
      timedMethods(new CalComClient({ ...baseOptions, ...overrides }));
    const client = createClient();
    const user = await client.me.get();
    const baseUrl = withV2(settings.baseUrl ?? 'https://api.cal.com/v2');
    console.info(
      `[live-tests] Target: real Cal.com at ${baseUrl} as ${user.name ?? user.username ?? user.id} <${user.email}>. ` +
        'Real bookings and event types will be created and cleaned up at the end of each file.',
    );
    writeTargetDescription(runDirectory, { kind: 'calcom', baseUrl, account: `${user.name ?? ''} <${user.email}>` });
    return {
      kind: 'calcom',
      baseUrl,
      client,
      now: () => new Date(),
      simulator: undefined,
      server: undefined,
      apiKey,
      createClient,
      close: () => client.close(),
    };
  }

  const server = await startCalComServer(options.simulator === undefined ? {} : { simulator: options.simulator });
  const baseUrl = withV2(server.url);
  const baseOptions: CalComClientOptions = { ...server.clientOptions, baseUrl, fetch };
  const createClient = (overrides: CalComClientOptions = {}) =>
    timedMethods(new CalComClient({ ...baseOptions, ...overrides }));
  const client = createClient();
  if (options.forceSimulator !== true && options.simulator === undefined) {
    const user = server.simulator.state.users[0];
    writeTargetDescription(runDirectory, {
      kind: 'simulator',
      baseUrl: baseUrl.replace(/:\d+\//, ':<port>/'),
      account: user === undefined ? 'unknown' : `${user.name ?? user.username} <${user.email}>`,
    });
  }
  return {
    kind: 'simulator',
    baseUrl,
    client,
    now: server.clientOptions.now,
    simulator: server.simulator,
    server,
    apiKey: server.apiKey,
    createClient,
    close: async () => {
      await client.close();
      await server.close();
    },
  };
}
