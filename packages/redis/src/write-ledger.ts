import type { Logger } from '@calcom-int/core';
import type { Redis } from 'ioredis';

/**
 * Claims a write. KEYS[1] is the record. ARGV: owner, lease in ms, time to live in ms.
 * Returns `{'run'}` for a new write, `{'done', result}` for a finished one, `{'wait'}` while another owner holds a live
 * lease, `{'reconcile'}` when the previous owner's lease ran out (it died mid-write: the outcome is unknown). The
 * takeover sets the new lease in the same step, so exactly one instance reconciles: the lease is the lock.
 */
const CLAIM_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local raw = redis.call('GET', KEYS[1])
if not raw then
  redis.call('SET', KEYS[1], cjson.encode({ state = 'pending', owner = ARGV[1], lease = now + tonumber(ARGV[2]) }), 'PX', ARGV[3])
  return { 'run' }
end
local record = cjson.decode(raw)
if record.state == 'done' then
  return { 'done', record.result }
end
if record.lease > now then
  return { 'wait' }
end
redis.call('SET', KEYS[1], cjson.encode({ state = 'pending', owner = ARGV[1], lease = now + tonumber(ARGV[2]) }), 'PX', ARGV[3])
return { 'reconcile' }
`;

/** Renews the lease (ARGV: owner, lease in ms) if still the owner; returns 1 when renewed. */
const RENEW_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
local record = cjson.decode(raw)
if record.state ~= 'pending' or record.owner ~= ARGV[1] then return 0 end
record.lease = now + tonumber(ARGV[2])
redis.call('SET', KEYS[1], cjson.encode(record), 'KEEPTTL')
return 1
`;

/** Finishes (ARGV: owner, result or '' to forget, time to live in ms) if still the owner. */
const FINISH_SCRIPT = `
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
local record = cjson.decode(raw)
if record.state ~= 'pending' or record.owner ~= ARGV[1] then return 0 end
if ARGV[2] == '' then
  redis.call('DEL', KEYS[1])
else
  redis.call('SET', KEYS[1], cjson.encode({ state = 'done', result = ARGV[2] }), 'PX', ARGV[3])
end
return 1
`;

/** How a write through the ledger ended. */
export type LedgerOutcome = 'executed' | 'replayed' | 'reconciled' | 'unprotected';

/** One write through {@link RedisWriteLedger.run}. */
export interface LedgerWrite<T> {
  /** The write's identity: a hash of the user and the idempotency key (never a token). */
  readonly key: string;
  /** Carries the write out. */
  readonly execute: () => Promise<T>;
  /**
   * Looks for the effect of an earlier attempt whose instance died mid-write; returns the result to answer with, or
   * `undefined` when the write did not happen (it is then carried out).
   */
  readonly reconcile: () => Promise<T | undefined>;
  /** Whether a result is final (kept for retries); `false` forgets the write so that a retry carries it out again. */
  readonly isFinal: (result: T) => boolean;
  /** Aborts the wait for another instance. */
  readonly signal?: AbortSignal;
  /** How long this write's final result is kept, in ms; the ledger's `ttlMs` by default. */
  readonly ttlMs?: number;
}

/** Options of {@link RedisWriteLedger}. */
export interface RedisWriteLedgerOptions {
  /** The Redis connection. */
  readonly redis: Redis;
  /** The Redis key prefix. Default `calcom-int:write:`. */
  readonly prefix?: string;
  /** How long a finished write's result is kept for retries, in ms. Default 600 000 (10 minutes). */
  readonly ttlMs?: number;
  /**
   * How long an owner's lease lasts without renewal, in ms; the owner renews it every third of it. A retry of a write
   * whose instance died waits this long before reconciling. Default 3 000.
   */
  readonly leaseMs?: number;
  /** How often a retry polls a write another instance is carrying out, in ms. Default 100. */
  readonly pollMs?: number;
  /** Where the warning about running a write without de-duplication goes. Default `console`. */
  readonly logger?: Pick<Logger, 'warn'>;
}

/**
 * De-duplicates writes across instances: the first attempt of a write owns a record in Redis (with a short, renewed
 * lease) and stores its final result; a retry that lands on any instance gets that result instead of writing again,
 * waits while the owner is alive, and after the owner died reconciles (looks for the write's effect) under the lease
 * before it writes. Without Redis, writes run unprotected, with a warning.
 */
export class RedisWriteLedger {
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly ttlMs: number;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly logger: Pick<Logger, 'warn'>;
  private readonly owner = `${Math.random().toString(36).slice(2, 10)}`;
  private sequence = 0;

  /**
   * Creates the ledger.
   *
   * @param options The connection and timings.
   */
  constructor(options: RedisWriteLedgerOptions) {
    this.redis = options.redis;
    this.prefix = options.prefix ?? 'calcom-int:write:';
    this.ttlMs = options.ttlMs ?? 600_000;
    this.leaseMs = options.leaseMs ?? 3_000;
    this.pollMs = options.pollMs ?? 100;
    this.logger = options.logger ?? console;
  }

  /**
   * Carries a write out at most once across instances.
   *
   * @param write The key, the write, its reconciliation and the finality check.
   * @returns The result and how it was reached.
   */
  async run<T>(write: LedgerWrite<T>): Promise<{ result: T; outcome: LedgerOutcome }> {
    const key = `${this.prefix}${write.key}`;
    this.sequence += 1;
    const owner = `${this.owner}:${this.sequence}`;
    for (;;) {
      write.signal?.throwIfAborted();
      let claim: string[];
      try {
        claim = (await this.redis.eval(
          CLAIM_SCRIPT,
          1,
          key,
          owner,
          this.leaseMs,
          write.ttlMs ?? this.ttlMs,
        )) as string[];
      } catch (error) {
        this.logger.warn(
          `Redis is unreachable (${error instanceof Error ? error.message : String(error)}); this write runs without cross-instance de-duplication.`,
        );
        return { result: await write.execute(), outcome: 'unprotected' };
      }
      const [state, stored] = claim;
      if (state === 'done') {
        return { result: JSON.parse(stored ?? 'null') as T, outcome: 'replayed' };
      }
      if (state === 'wait') {
        await delay(this.pollMs, write.signal);
        continue;
      }
      return this.own(key, owner, write, state === 'reconcile');
    }
  }

  /**
   * Carries the write out as the owner: reconciles first after a takeover, renews the lease meanwhile, then stores
   * the final result or forgets the write.
   *
   * @param key The record's Redis key.
   * @param owner This attempt's owner id.
   * @param write The write.
   * @param takeover Whether a previous owner died mid-write.
   * @returns The result and how it was reached.
   */
  private async own<T>(
    key: string,
    owner: string,
    write: LedgerWrite<T>,
    takeover: boolean,
  ): Promise<{ result: T; outcome: LedgerOutcome }> {
    const renew = setInterval(
      () => {
        this.redis.eval(RENEW_SCRIPT, 1, key, owner, this.leaseMs).catch(() => {});
      },
      Math.max(10, Math.floor(this.leaseMs / 3)),
    );
    try {
      const found = takeover ? await write.reconcile() : undefined;
      const result = found ?? (await write.execute());
      const final = found !== undefined || write.isFinal(result);
      await this.redis
        .eval(FINISH_SCRIPT, 1, key, owner, final ? JSON.stringify(result) : '', write.ttlMs ?? this.ttlMs)
        .catch(() => {});
      return { result, outcome: found === undefined ? 'executed' : 'reconciled' };
    } finally {
      // On an exception the record stays pending: its lease runs out and a retry reconciles rather than writes blindly.
      clearInterval(renew);
    }
  }
}

/**
 * Waits, or rejects when the signal aborts.
 *
 * @param ms The wait.
 * @param signal Aborts the wait.
 * @returns A promise that resolves after the wait.
 */
function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
