import { Redis, type RedisOptions } from 'ioredis';

/**
 * Opens an ioredis connection set up to fail fast while Redis is down (no offline queue, one try per command, a short
 * command timeout) and to reconnect on its own, so that the stores fall back at once and recover by themselves.
 *
 * @param url The Redis URL, e.g. `redis://127.0.0.1:6379/0` (`rediss://` for TLS).
 * @param options ioredis options that override these.
 * @returns The connection (it connects in the background).
 */
export function createRedisConnection(url: string, options: RedisOptions = {}): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 1_000,
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(100 * times, 1_000),
    ...options,
  });
  // ioredis emits 'error' on every failed reconnect; without a listener Node would treat it as unhandled.
  redis.on('error', () => {});
  return redis;
}
