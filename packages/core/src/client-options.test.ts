import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { resolveClientOptions } from './client-options';
import { envFileCandidates, findProjectRoot, loadEnvironment } from './config/env-file';
import { CalComConfigError } from './errors';

const KEY = 'cal_test_abcdefghij0123';

function tempProject(marker: 'pnpm-workspace.yaml' | '.git' | 'package.json' | 'none', env?: string) {
  const root = mkdtempSync(join(tmpdir(), 'calcom-core-config-'));
  if (marker === 'pnpm-workspace.yaml') writeFileSync(join(root, marker), 'packages: []\n');
  if (marker === '.git') mkdirSync(join(root, '.git'));
  if (marker === 'package.json') writeFileSync(join(root, marker), JSON.stringify({ workspaces: ['packages/*'] }));
  if (env !== undefined) writeFileSync(join(root, '.env'), env);
  const nested = join(root, 'packages', 'app');
  mkdirSync(nested, { recursive: true });
  writeFileSync(join(nested, 'package.json'), JSON.stringify({ name: 'app' }));
  return { root, nested };
}

function configError(run: () => unknown): CalComConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof CalComConfigError) return error;
    throw error;
  }
  throw new Error('expected a CalComConfigError');
}

describe('resolveClientOptions', () => {
  it('applies the defaults', () => {
    const { nested } = tempProject('none');
    const options = resolveClientOptions({ apiKey: KEY }, { env: {}, cwd: nested });
    expect(options.apiKey.reveal()).toBe(KEY);
    expect(options).toMatchObject({
      baseUrl: 'https://api.cal.com/v2',
      timeoutMs: 30_000,
      maxRetries: 3,
      maxRetryWaitMs: 60_000,
      apiVersions: {
        bookings: '2024-08-13',
        slots: '2024-09-04',
        eventTypes: '2024-06-14',
        schedules: '2024-06-11',
        me: undefined,
      },
      userId: undefined,
      orgId: undefined,
      logLevel: 'silent',
      circuitBreaker: { failureThreshold: 5, cooldownMs: 30_000 },
      rateLimit: { waitOnExhausted: true, maxConcurrent: 10 },
      dispatcher: undefined,
    });
  });

  it.each(['pnpm-workspace.yaml', '.git', 'package.json'] as const)(
    'loads .env from the project root marked by %s',
    (marker) => {
      const { root, nested } = tempProject(
        marker,
        `CAL_COM_API_KEY=${KEY}\nCAL_COM_BASE_URL=https://api.cal.eu/\nCAL_COM_USER_ID=42\nCAL_COM_ORG_ID=7\nOTHER=x\n`,
      );
      expect(findProjectRoot(nested)).toBe(root);
      const options = resolveClientOptions({}, { env: {}, cwd: nested });
      expect(options.apiKey.reveal()).toBe(KEY);
      expect(options).toMatchObject({ baseUrl: 'https://api.cal.eu/v2', userId: 42, orgId: 7 });
      expect(options.environment).toMatchObject({
        loadedFrom: join(root, '.env'),
        loadedNames: ['CAL_COM_API_KEY', 'CAL_COM_BASE_URL', 'CAL_COM_USER_ID', 'CAL_COM_ORG_ID', 'OTHER'],
      });
    },
  );

  it("uses the nearest .env from the working directory up to the project root (a monorepo app's own first)", () => {
    const { root, nested } = tempProject('pnpm-workspace.yaml', 'CAL_COM_API_KEY=cal_test_from_root_0000\n');
    writeFileSync(join(nested, '.env'), `CAL_COM_API_KEY=${KEY}\n`);
    expect(envFileCandidates(nested)).toEqual([
      join(nested, '.env'),
      join(root, 'packages', '.env'),
      join(root, '.env'),
    ]);
    const fromApp = resolveClientOptions({}, { env: {}, cwd: nested });
    expect(fromApp.apiKey.reveal()).toBe(KEY);
    expect(fromApp.environment.loadedFrom).toBe(join(nested, '.env'));
    // Only the nearest file is read: nothing of the root's .env is merged in.
    expect(fromApp.environment.loadedNames).toEqual(['CAL_COM_API_KEY']);
    const fromRoot = resolveClientOptions({}, { env: {}, cwd: root });
    expect(fromRoot.apiKey.reveal()).toBe('cal_test_from_root_0000');
  });

  it('finds a .env between the working directory and the root, and never one above the root', () => {
    const { root, nested } = tempProject('.git');
    writeFileSync(join(root, 'packages', '.env'), `CAL_COM_API_KEY=${KEY}\n`);
    expect(resolveClientOptions({}, { env: {}, cwd: nested }).environment.loadedFrom).toBe(
      join(root, 'packages', '.env'),
    );
    const inside = join(root, 'project');
    mkdirSync(join(inside, '.git'), { recursive: true });
    expect(envFileCandidates(inside)).toEqual([join(inside, '.env')]);
    expect(loadEnvironment({ cwd: inside, env: {} })).toMatchObject({
      searched: [join(inside, '.env')],
      loadedFrom: undefined,
      log: [`No .env file at ${join(inside, '.env')}; using the process environment.`],
    });
  });

  it('reads only <cwd>/.env when no folder above is a project root', () => {
    const { nested } = tempProject('none');
    expect(envFileCandidates(nested)).toEqual([join(nested, '.env')]);
    writeFileSync(join(nested, '.env'), `CAL_COM_API_KEY=${KEY}\n`);
    expect(resolveClientOptions({}, { env: {}, cwd: nested }).apiKey.reveal()).toBe(KEY);
  });

  it('keeps explicit options and variables already set before any .env', () => {
    const { nested } = tempProject(
      'pnpm-workspace.yaml',
      'CAL_COM_API_KEY=cal_test_from_root_0000\nCAL_COM_USER_ID=5\n',
    );
    const options = resolveClientOptions({ apiKey: KEY }, { env: { CAL_COM_USER_ID: '9' }, cwd: nested });
    expect(options.apiKey.reveal()).toBe(KEY);
    expect(options.userId).toBe(9);
  });

  it('never overrides variables already set, and logs names but not values', () => {
    const { nested } = tempProject('.git', `CAL_COM_API_KEY=cal_from_file_000000\nCAL_COM_LOG=debug\n`);
    const lines: string[] = [];
    const logger = { debug: (line: string) => lines.push(line), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const env = { CAL_COM_API_KEY: KEY };
    const options = resolveClientOptions({ logger }, { env, cwd: nested });
    expect(options.apiKey.reveal()).toBe(KEY);
    expect(options.logLevel).toBe('debug');
    expect(env).toEqual({ CAL_COM_API_KEY: KEY });
    expect(lines.join('\n')).toContain('Loaded CAL_COM_LOG from');
    expect(lines.join('\n')).toContain('already set, kept: CAL_COM_API_KEY');
    expect(lines.join('\n')).not.toContain('cal_from_file');
  });

  it('loads a relative and an absolute envFile, and refuses a missing one', () => {
    const { root, nested } = tempProject('none');
    writeFileSync(join(root, 'custom.env'), `CAL_COM_API_KEY=${KEY}\n`);
    expect(resolveClientOptions({ envFile: '../../custom.env' }, { env: {}, cwd: nested }).apiKey.reveal()).toBe(KEY);
    expect(resolveClientOptions({ envFile: join(root, 'custom.env') }, { env: {}, cwd: '/' }).apiKey.reveal()).toBe(
      KEY,
    );
    const error = configError(() => resolveClientOptions({ envFile: 'missing.env' }, { env: {}, cwd: nested }));
    expect(error.field).toBe('envFile');
    expect(error.message).toContain(join(nested, 'missing.env'));
  });

  it('names CAL_COM_API_KEY, the key page and the searched .env when the key is missing', () => {
    const { root, nested } = tempProject('pnpm-workspace.yaml');
    const error = configError(() => resolveClientOptions({}, { env: {}, cwd: nested }));
    expect(error.field).toBe('CAL_COM_API_KEY');
    expect(error.message).toContain('CAL_COM_API_KEY');
    expect(error.message).toContain('https://app.cal.com/settings/developer/api-keys');
    expect(error.message).toContain(join(root, '.env'));
    expect(loadEnvironment({ cwd: nested, env: {} }).log[0]).toContain('No .env file at');
  });

  it.each([
    ['cal_live_abcdefghij', 'cal_live_abcdefghij'],
    [`Bearer ${KEY}`, KEY],
    ['oauth-access-token-xyz', 'oauth-access-token-xyz'],
  ])('accepts the key %s', (apiKey, expected) => {
    expect(resolveClientOptions({ apiKey }, { env: {}, cwd: tmpdir() }).apiKey.reveal()).toBe(expected);
  });

  it.each([
    ['', 'is empty'],
    ['Bearer ', 'is empty'],
    ['cal_short', 'too short'],
    ['cal_live_abc defghij', 'whitespace'],
    [`${KEY}\n`, 'whitespace'],
  ])('refuses the key %j', (apiKey, problem) => {
    const error = configError(() => resolveClientOptions({ apiKey }, { env: {}, cwd: tmpdir() }));
    expect(error.message).toContain(problem);
    expect(error.field).toBe('apiKey');
    expect(JSON.stringify(error)).not.toContain('abc defghij');
  });

  it.each([
    ['https://api.cal.com/v2/', 'https://api.cal.com/v2'],
    ['https://cal.example.com/api/v2//', 'https://cal.example.com/api/v2'],
    ['https://api.cal.eu', 'https://api.cal.eu/v2'],
    ['  ', 'https://api.cal.com/v2'],
  ])('normalises the base URL %s', (baseUrl, expected) => {
    expect(resolveClientOptions({ apiKey: KEY, baseUrl }, { env: {}, cwd: tmpdir() }).baseUrl).toBe(expected);
  });

  it.each([
    ['https://api.cal.com/v1', 'shut down on 2026-04-08'],
    ['https://api.cal.com/v1/', 'Set baseUrl to https://api.cal.com/v2'],
    ['not a url', 'is not a URL'],
    ['ftp://api.cal.com/v2', 'must start with https://'],
    ['https://api.cal.com/v2?x=1', 'must not contain a query'],
    ['https://api.cal.com/api', 'must end in /v2'],
  ])('refuses the base URL %s', (baseUrl, problem) => {
    const error = configError(() => resolveClientOptions({ apiKey: KEY, baseUrl }, { env: {}, cwd: tmpdir() }));
    expect(error.message).toContain(problem);
    expect(error.field).toBe('baseUrl');
  });

  it.each([
    'http://api.cal.com/v2',
    'http://api.cal.eu',
    'http://10.0.0.5:3000/v2',
    'http://192.168.1.10/v2',
    'http://localhost.example.com/v2',
    'http://127.0.0.1.nip.io/v2',
    'http://[::ffff:127.0.0.1]/v2',
    'http://[2001:db8::1]/v2',
    'HTTP://API.CAL.COM/v2',
  ])('refuses plain http to the non-loopback host of %s, since the key would travel in clear text', (baseUrl) => {
    const error = configError(() => resolveClientOptions({ apiKey: KEY, baseUrl }, { env: {}, cwd: tmpdir() }));
    expect(error.field).toBe('baseUrl');
    expect(error.message).toMatch(/^baseUrl uses plain http:\/\/ for .+, so the API key would travel in clear text/);
    expect(error.message).toContain('Use https://');
    expect(error.message).toContain('or a loopback address (localhost, 127.0.0.1 or [::1]) for a local simulator');
    expect(error.message).not.toContain(KEY);
  });

  it('refuses a plain http CAL_COM_BASE_URL naming the variable', () => {
    const error = configError(() =>
      resolveClientOptions({ apiKey: KEY }, { env: { CAL_COM_BASE_URL: 'http://cal.example.com/v2' }, cwd: tmpdir() }),
    );
    expect(error.field).toBe('CAL_COM_BASE_URL');
    expect(error.message).toBe(
      'CAL_COM_BASE_URL uses plain http:// for cal.example.com, so the API key would travel in clear text with every request. Use https://cal.example.com/v2 (Cal.com: https://api.cal.com/v2), or a loopback address (localhost, 127.0.0.1 or [::1]) for a local simulator.',
    );
  });

  it.each([
    ['http://localhost:4010/v2', 'http://localhost:4010/v2'],
    ['HTTP://LOCALHOST:4010/', 'http://localhost:4010/v2'],
    ['http://127.0.0.1:4010/v2', 'http://127.0.0.1:4010/v2'],
    ['http://127.8.9.10/v2', 'http://127.8.9.10/v2'],
    ['http://[::1]:4010/v2', 'http://[::1]:4010/v2'],
    ['http://[0:0:0:0:0:0:0:1]/v2', 'http://[::1]/v2'],
  ])('accepts plain http to the loopback host of %s (a local simulator)', (baseUrl, expected) => {
    expect(resolveClientOptions({ apiKey: KEY, baseUrl }, { env: {}, cwd: tmpdir() }).baseUrl).toBe(expected);
  });

  it('refuses a /v1 CAL_COM_BASE_URL naming the variable', () => {
    const error = configError(() =>
      resolveClientOptions({ apiKey: KEY }, { env: { CAL_COM_BASE_URL: 'https://api.cal.com/v1' }, cwd: tmpdir() }),
    );
    expect(error.field).toBe('CAL_COM_BASE_URL');
  });

  it.each([
    [{ timeoutMs: 0 }, 'timeoutMs'],
    [{ maxRetries: 1.5 }, 'maxRetries'],
    [{ maxRetryWaitMs: -1 }, 'maxRetryWaitMs'],
    [{ rateLimit: { maxConcurrent: 0 } }, 'rateLimit.maxConcurrent'],
    [{ circuitBreaker: { cooldownMs: Number.NaN } }, 'circuitBreaker.cooldownMs'],
    [{ userId: -3 }, 'CAL_COM_USER_ID'],
    [{ logLevel: 'loud' as 'debug' }, 'logLevel'],
  ])('refuses invalid option %j', (options, field) => {
    const error = configError(() => resolveClientOptions({ apiKey: KEY, ...options }, { env: {}, cwd: tmpdir() }));
    expect(error.field).toBe(field);
  });

  it('refuses a non-numeric CAL_COM_ORG_ID and ignores an empty one', () => {
    expect(
      configError(() => resolveClientOptions({ apiKey: KEY }, { env: { CAL_COM_ORG_ID: 'acme' }, cwd: tmpdir() }))
        .field,
    ).toBe('CAL_COM_ORG_ID');
    expect(
      resolveClientOptions({ apiKey: KEY }, { env: { CAL_COM_ORG_ID: ' ' }, cwd: tmpdir() }).orgId,
    ).toBeUndefined();
  });

  it('turns the breaker off and keeps explicit settings', () => {
    const options = resolveClientOptions(
      { apiKey: KEY, circuitBreaker: false, rateLimit: { waitOnExhausted: false }, maxRetries: 0 },
      { env: {}, cwd: tmpdir() },
    );
    expect(options).toMatchObject({
      circuitBreaker: false,
      rateLimit: { waitOnExhausted: false, maxConcurrent: 10 },
      maxRetries: 0,
    });
  });

  it('takes the bookings API version as a checked choice (docs/CALCOM-API.md §3.3)', () => {
    const resolve = (options: Parameters<typeof resolveClientOptions>[0]) =>
      resolveClientOptions({ apiKey: KEY, ...options }, { env: {}, cwd: tmpdir() });
    expect(resolve({}).apiVersions.bookings).toBe('2024-08-13');
    const newer = resolve({ bookingsApiVersion: '2026-02-25' }).apiVersions;
    expect(newer).toMatchObject({ bookings: '2026-02-25', slots: '2024-09-04', eventTypes: '2024-06-14' });
    expect(
      resolve({ bookingsApiVersion: '2026-02-25', apiVersions: { bookings: '2026-02-25' } }).apiVersions.bookings,
    ).toBe('2026-02-25');
    expect(() => resolve({ bookingsApiVersion: '2026-03-01' as never })).toThrow(
      'bookingsApiVersion "2026-03-01" is not a bookings version the client supports. Use 2024-08-13 or 2026-02-25 (Cal.com serves an unknown version with its legacy controller, docs/CALCOM-API.md §3.1).',
    );
    expect(() => resolve({ bookingsApiVersion: '2026-02-25', apiVersions: { bookings: '2024-08-13' } })).toThrow(
      'bookingsApiVersion is 2026-02-25 but apiVersions.bookings is 2024-08-13. Pass only one of them.',
    );
  });

  it('reads process.env and process.cwd() by default', () => {
    vi.stubEnv('CAL_COM_API_KEY', KEY);
    try {
      expect(resolveClientOptions().apiKey.reveal()).toBe(KEY);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('ignores a package.json that is not valid JSON while looking for the root', () => {
    const { root, nested } = tempProject('.git');
    writeFileSync(join(nested, 'package.json'), '{ nope');
    expect(findProjectRoot(nested)).toBe(root);
  });
});

describe('the now option (the calendar clock)', () => {
  const { nested } = tempProject('none');
  const resolve = (now?: unknown) =>
    resolveClientOptions(
      { apiKey: KEY, ...(now === undefined ? {} : { now: now as () => Date }) },
      { env: {}, cwd: nested },
    );

  it('defaults to the system clock', () => {
    vi.useFakeTimers({ now: Date.parse('2031-02-03T04:05:06.000Z'), toFake: ['Date'] });
    try {
      expect(resolve().now()).toBe(Date.parse('2031-02-03T04:05:06.000Z'));
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads the given clock on every call', () => {
    let current = new Date('2027-01-04T09:00:00Z');
    const options = resolve(() => current);
    expect(options.now()).toBe(Date.parse('2027-01-04T09:00:00Z'));
    current = new Date('2027-01-05T09:00:00Z');
    expect(options.now()).toBe(Date.parse('2027-01-05T09:00:00Z'));
  });

  it('refuses a clock that is not a function, naming now', () => {
    const error = configError(() => resolve('2027-01-04T09:00:00Z'));
    expect(error.message).toBe(
      'now must be a function that returns the current Date, got string. Omit it to use the system clock.',
    );
    expect(error.field).toBe('now');
  });

  it('fails loudly, naming now, when the clock returns an invalid Date or something else', () => {
    const invalid = configError(() => resolve(() => new Date('not a date')).now());
    expect(invalid.message).toBe(
      'now() must return a valid Date, got an invalid Date. Fix the clock passed as now, or omit it to use the system clock.',
    );
    expect(invalid.field).toBe('now');
    const number = configError(() => resolve(() => 1_780_000_000_000).now());
    expect(number.message).toBe(
      'now() must return a valid Date, got number. Fix the clock passed as now, or omit it to use the system clock.',
    );
  });
});

describe('the dispatcher option (a connection pool for fetch)', () => {
  const { nested } = tempProject('none');
  const resolve = (extra: Record<string, unknown>) =>
    resolveClientOptions({ apiKey: KEY, ...extra } as Parameters<typeof resolveClientOptions>[0], {
      env: {},
      cwd: nested,
    });

  it('passes an object with a dispatch method through as it is', () => {
    const dispatcher = { dispatch: () => true };
    expect(resolve({ dispatcher }).dispatcher).toBe(dispatcher);
  });

  it.each([
    [{}, 'object'],
    [null, 'null'],
    ['agent', 'string'],
    [{ dispatch: 'yes' }, 'object'],
  ])('refuses %j, naming dispatcher', (dispatcher, got) => {
    const error = configError(() => resolve({ dispatcher }));
    expect(error.message).toBe(
      `dispatcher must be an undici Dispatcher (an object with a dispatch method), got ${got}. Pass e.g. new Agent({ connections: 10 }) from the undici package, or omit it to use fetch's own pool.`,
    );
    expect(error.field).toBe('dispatcher');
  });

  it.each(['keepAliveTimeoutMs', 'connections'])('refuses the removed %s option and names its replacement', (field) => {
    const error = configError(() => resolve({ [field]: 10 }));
    expect(error.message).toBe(
      `${field} is no longer an option: the client uses fetch's own keep-alive pool. Remove it, or pass your own pool as dispatcher, e.g. new Agent({ connections: 10, keepAliveTimeout: 10_000 }) from the undici package.`,
    );
    expect(error.field).toBe(field);
  });
});
