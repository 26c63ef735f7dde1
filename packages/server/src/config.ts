import { CalComConfigError, type LogLevel } from '@calcom-int/core';
import { createRedisConnection, RedisRateLimitStore, RedisWriteLedger } from '@calcom-int/redis';
import type { Redis } from 'ioredis';
import { type McpHttpServer, type McpHttpServerOptions, startMcpHttpServer } from './http-server';
import { createJsonLogger, type JsonLogger } from './json-logger';
import { createServerMetrics } from './metrics';

/** The environment variables the server reads (besides the Cal.com client's `CAL_COM_BASE_URL`, …). */
export const SERVER_ENVIRONMENT_VARIABLES = [
  'CALCOM_MCP_HOST',
  'CALCOM_MCP_PORT',
  'CALCOM_MCP_PUBLIC_URL',
  'CALCOM_MCP_ALLOWED_ORIGINS',
  'CALCOM_MCP_MAX_BODY_BYTES',
  'CALCOM_MCP_LOG_LEVEL',
  'CALCOM_MCP_REDIS_URL',
  'CALCOM_MCP_RATE_LIMIT',
  'CALCOM_MCP_RATE_WINDOW_MS',
  'CALCOM_MCP_RATE_MARGIN_MS',
  'CALCOM_MCP_DEGRADED_RATE_LIMIT',
  'CALCOM_MCP_OAUTH_AUTHORIZATION_SERVERS',
  'CALCOM_MCP_OAUTH',
  'CALCOM_MCP_OAUTH_AUTHORIZE_URL',
  'CALCOM_MCP_OAUTH_TOKEN_URL',
  'CALCOM_MCP_OAUTH_SCOPES',
] as const;

/** A server started from the environment, with the Redis connection it opened. */
export interface ConfiguredServer {
  /** The server. */
  readonly server: McpHttpServer;
  /** The logger. */
  readonly logger: JsonLogger;
  /** Shuts the server down gracefully, then closes Redis. */
  close(): Promise<void>;
}

/**
 * Starts the server configured by environment variables (see {@link SERVER_ENVIRONMENT_VARIABLES} and the README):
 * with `CALCOM_MCP_REDIS_URL`, the rate budget and the write de-duplication are shared through Redis.
 *
 * @param env The environment.
 * @param overrides Options that win over the environment (e.g. the simulator's `clientOptions`).
 * @returns The running server.
 */
export async function startFromEnvironment(
  env: Readonly<Record<string, string | undefined>> = process.env,
  overrides: McpHttpServerOptions = {},
): Promise<ConfiguredServer> {
  const logLevel = (env.CALCOM_MCP_LOG_LEVEL ?? 'info') as LogLevel;
  if (!['silent', 'error', 'warn', 'info', 'debug'].includes(logLevel)) {
    throw new CalComConfigError(
      `CALCOM_MCP_LOG_LEVEL "${logLevel}" is not a log level. Use one of silent, error, warn, info, debug.`,
      'CALCOM_MCP_LOG_LEVEL',
    );
  }
  const logger = overrides.logger ?? createJsonLogger({ level: logLevel });
  const metrics = overrides.metrics ?? createServerMetrics();
  const limit = integer(env, 'CALCOM_MCP_RATE_LIMIT', 120);
  const windowMs = integer(env, 'CALCOM_MCP_RATE_WINDOW_MS', 60_000);
  let redis: Redis | undefined;
  const shared: McpHttpServerOptions = {};
  if (env.CALCOM_MCP_REDIS_URL !== undefined && env.CALCOM_MCP_REDIS_URL !== '') {
    const connection = createRedisConnection(env.CALCOM_MCP_REDIS_URL);
    redis = connection;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 5_000);
      connection.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    if (connection.status !== 'ready') {
      logger.warn('Redis is not reachable yet; starting on the local rate budget until it answers.', {
        redis: redactRedisUrl(env.CALCOM_MCP_REDIS_URL),
      });
    }
    Object.assign(shared, {
      rateLimitStore: new RedisRateLimitStore({
        redis: connection,
        limit,
        windowMs,
        marginMs: integer(env, 'CALCOM_MCP_RATE_MARGIN_MS', 250, true),
        degradedLimit: integer(env, 'CALCOM_MCP_DEGRADED_RATE_LIMIT', Math.max(1, Math.floor(limit / 4))),
        logger,
      }),
      ledger: new RedisWriteLedger({ redis: connection, logger }),
      ready: () => connection.status === 'ready',
    });
  }
  const list = (name: string) =>
    (env[name] ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  const server = await startMcpHttpServer({
    host: env.CALCOM_MCP_HOST ?? '127.0.0.1',
    port: integer(env, 'CALCOM_MCP_PORT', 3333, true),
    ...(env.CALCOM_MCP_PUBLIC_URL === undefined ? {} : { publicUrl: env.CALCOM_MCP_PUBLIC_URL }),
    allowedOrigins: list('CALCOM_MCP_ALLOWED_ORIGINS'),
    authorizationServers: list('CALCOM_MCP_OAUTH_AUTHORIZATION_SERVERS'),
    ...oauthFromEnvironment(env, list('CALCOM_MCP_OAUTH_SCOPES')),
    maxBodyBytes: integer(env, 'CALCOM_MCP_MAX_BODY_BYTES', 1_048_576),
    ...shared,
    ...overrides,
    logger,
    metrics,
  });
  return {
    server,
    logger,
    async close() {
      await server.close();
      redis?.disconnect();
    },
  };
}

/**
 * Reads the OAuth settings: on with `CALCOM_MCP_OAUTH=on` (Cal.com's endpoints) or when an endpoint is overridden.
 *
 * @param env The environment.
 * @param scopes `CALCOM_MCP_OAUTH_SCOPES`, split.
 * @returns The `oauth` option, or nothing when OAuth is off.
 */
function oauthFromEnvironment(
  env: Readonly<Record<string, string | undefined>>,
  scopes: readonly string[],
): Pick<McpHttpServerOptions, 'oauth'> {
  const flag = (env.CALCOM_MCP_OAUTH ?? '').trim().toLowerCase();
  if (!['', 'on', 'off', 'true', 'false', '1', '0'].includes(flag)) {
    throw new CalComConfigError(
      `CALCOM_MCP_OAUTH must be on or off, got "${env.CALCOM_MCP_OAUTH}". Set it to on to let users sign in with Cal.com.`,
      'CALCOM_MCP_OAUTH',
    );
  }
  const authorizeUrl = env.CALCOM_MCP_OAUTH_AUTHORIZE_URL?.trim() || undefined;
  const tokenUrl = env.CALCOM_MCP_OAUTH_TOKEN_URL?.trim() || undefined;
  const on = ['on', 'true', '1'].includes(flag) || (flag === '' && (authorizeUrl ?? tokenUrl) !== undefined);
  if (!on) {
    return {};
  }
  return {
    oauth: {
      ...(authorizeUrl === undefined ? {} : { authorizeUrl }),
      ...(tokenUrl === undefined ? {} : { tokenUrl }),
      ...(scopes.length === 0 ? {} : { scopes }),
    },
  };
}

/**
 * Reads a whole-number variable.
 *
 * @param env The environment.
 * @param name The variable.
 * @param fallback The default.
 * @param zeroAllowed Whether 0 is allowed (a port: any free one).
 * @returns The number.
 */
function integer(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  fallback: number,
  zeroAllowed = false,
): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < (zeroAllowed ? 0 : 1)) {
    throw new CalComConfigError(
      `${name} must be a whole number${zeroAllowed ? '' : ' greater than 0'}, got "${raw}". Fix it or unset it to use ${fallback}.`,
      name,
    );
  }
  return value;
}

/**
 * Removes the password from a Redis URL, for logs.
 *
 * @param url The URL.
 * @returns The URL without credentials.
 */
function redactRedisUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//[REDACTED]@');
}
