import { CONTENDERS, type Contender, type ContenderName } from './contenders';
import { median } from './stats';

/**
 * Requests per second of each contender: the median over the rounds, and every round; and the same per second of this
 * process's CPU time (client and loopback server together), which other load on the machine disturbs far less than
 * wall time.
 */
export interface Throughput {
  readonly median: Readonly<Record<ContenderName, number>>;
  readonly rounds: Readonly<Record<ContenderName, readonly number[]>>;
  readonly cpuMedian: Readonly<Record<ContenderName, number>>;
}

/** How one throughput scenario is run. */
export interface ThroughputPlan {
  /** The call each contender makes. */
  readonly call: (contender: Contender) => () => Promise<unknown>;
  /** Calls per contender per round. */
  readonly requests: number;
  /** Calls in flight at once (1: sequential). */
  readonly concurrency: number;
  /** Rounds; the contenders are interleaved within each round, in a rotating order. */
  readonly rounds: number;
  /** Unmeasured calls per contender before the first round. */
  readonly warmup: number;
}

/**
 * Runs `requests` calls with `concurrency` workers and returns the calls per second.
 *
 * @param call The call.
 * @param requests How many calls in all.
 * @param concurrency How many in flight at once.
 * @returns Calls per second of wall time and per second of this process's CPU time.
 */
async function rate(
  call: () => Promise<unknown>,
  requests: number,
  concurrency: number,
): Promise<{ wall: number; cpu: number }> {
  let started = 0;
  const worker = async () => {
    while (started < requests) {
      started++;
      await call();
    }
  };
  const begin = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const used = process.cpuUsage(cpu);
  return {
    wall: requests / ((performance.now() - begin) / 1000),
    cpu: requests / ((used.user + used.system) / 1_000_000),
  };
}

/**
 * Measures the contenders side by side: a warm-up for each, then `rounds` rounds in which every contender runs once,
 * the order rotating so that none always goes first.
 *
 * @param contenders The contenders.
 * @param plan The call, the sizes and the concurrency.
 * @returns The median and per-round calls per second of each contender.
 */
export async function measureThroughput(contenders: readonly Contender[], plan: ThroughputPlan): Promise<Throughput> {
  for (const contender of contenders) await rate(plan.call(contender), plan.warmup, plan.concurrency);
  const rounds = Object.fromEntries(CONTENDERS.map((name) => [name, [] as number[]])) as Record<
    ContenderName,
    number[]
  >;
  const cpuRounds = Object.fromEntries(CONTENDERS.map((name) => [name, [] as number[]])) as Record<
    ContenderName,
    number[]
  >;
  for (let round = 0; round < plan.rounds; round++) {
    for (let index = 0; index < contenders.length; index++) {
      const contender = contenders[(index + round) % contenders.length];
      if (!contender) continue;
      const measured = await rate(plan.call(contender), plan.requests, plan.concurrency);
      rounds[contender.name].push(measured.wall);
      cpuRounds[contender.name].push(measured.cpu);
    }
  }
  const medianOf = (all: Record<ContenderName, number[]>) =>
    Object.fromEntries(CONTENDERS.map((name) => [name, median(all[name])])) as Record<ContenderName, number>;
  return { median: medianOf(rounds), rounds, cpuMedian: medianOf(cpuRounds) };
}
