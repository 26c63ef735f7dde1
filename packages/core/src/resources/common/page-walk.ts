import { CalComUnexpectedResponseError } from '../../errors/unexpected-response-error';
import { buildUrl } from '../../internal/build-url';
import type { RequestSpec } from '../../internal/request-types';
import type { RequestOptions } from '../../request-options';
import type { ResourceContext } from './context';

/**
 * How many keys (booking uids) a streaming walk remembers to drop repeats: a uid is never yielded twice within this
 * many items. Repeats come from page edges (a short `returnedItems`, items that shift while the walk runs), so a window
 * this wide covers them while memory stays bounded (about 1 MB).
 */
export const MAX_REMEMBERED_KEYS = 10_000;

/**
 * How many pages in a row may bring nothing new (every item already seen) while the server claims more, before a
 * walk stops with `CalComUnexpectedResponseError`. An empty page that claims more stops it at once.
 */
export const MAX_STALLED_PAGES = 3;

/** The most items a collect-all walk (`listTeamMembers`, role lookups) gathers before it stops with an error. */
export const MAX_COLLECTED_ITEMS = 50_000;

/** Remembers the keys a walk has yielded, the oldest forgotten beyond a limit. */
export class SeenKeys {
  private readonly keys = new Set<string>();

  constructor(private readonly limit: number = MAX_REMEMBERED_KEYS) {}

  /**
   * Records a key.
   *
   * @returns `true` the first time, `false` when the key was seen before.
   */
  add(key: string): boolean {
    if (this.keys.has(key)) {
      return false;
    }
    this.keys.add(key);
    if (this.keys.size > this.limit) {
      const oldest = this.keys.values().next().value;
      if (oldest !== undefined) {
        this.keys.delete(oldest);
      }
    }
    return true;
  }
}

/** Where a walk stopped, for {@link walkStopped}. */
export interface WalkStop {
  /** What was walked, e.g. `bookings`. */
  readonly what: string;
  /** Why it stopped: a sentence fragment after "the walk stopped because". */
  readonly reason: string;
  /** What to do instead. */
  readonly advice: string;
  /** The `pagination` or `data` field that lied, for the error's `path`. */
  readonly path: string;
  /** The request of the last page. */
  readonly request: { readonly method: string; readonly url: string };
  /** The last page's status and request id. */
  readonly response: { readonly status: number; readonly requestId: string | undefined };
}

/** Builds the error that stops a walk whose server makes no progress or never ends. */
export function walkStopped(stop: WalkStop): CalComUnexpectedResponseError {
  return new CalComUnexpectedResponseError({
    message: `Stopped reading ${stop.what} from ${stop.request.method} ${new URL(stop.request.url).pathname}: ${stop.reason}. ${stop.advice}`,
    status: stop.response.status,
    path: stop.path,
    requestId: stop.response.requestId,
    method: stop.request.method,
    url: stop.request.url,
  });
}

/** One collect-all walk over a list that answers plain arrays (docs/CALCOM-API.md §6: stop at a short page). */
export interface CollectPages<T> {
  /** What is collected, plural, for messages, e.g. `team memberships`. */
  readonly what: string;
  /** The page size sent as `take`. */
  readonly pageSize: number;
  /** The identity of an item; an item seen before is dropped. */
  readonly key: (item: T) => string;
  /** Builds the request of the page that starts at `skip`. */
  readonly request: (skip: number) => RequestSpec<T[]>;
  /** The most items gathered before the walk stops with an error. Default {@link MAX_COLLECTED_ITEMS}. */
  readonly maxItems?: number;
}

/**
 * Collects every page of a plain-array list: `skip` advances by the items received, until a page shorter than
 * `take`. Repeated items are dropped; the walk stops with `CalComUnexpectedResponseError` when
 * {@link MAX_STALLED_PAGES} full pages in a row bring nothing new (a server that ignores `skip`) or more than
 * `maxItems` items arrive, so that no answer can make it run forever.
 */
export async function collectPages<T>(
  context: ResourceContext,
  walk: CollectPages<T>,
  options: RequestOptions | undefined,
): Promise<T[]> {
  const maxItems = walk.maxItems ?? MAX_COLLECTED_ITEMS;
  const seen = new SeenKeys(Number.POSITIVE_INFINITY);
  const items: T[] = [];
  let stalled = 0;
  for (let skip = 0; ; ) {
    const spec = walk.request(skip);
    const result = await context.executor.execute(spec, options);
    const page = result.data;
    let fresh = 0;
    for (const item of page) {
      if (seen.add(walk.key(item))) {
        items.push(item);
        fresh += 1;
      }
    }
    if (page.length < walk.pageSize) {
      return items;
    }
    const stop = {
      what: walk.what,
      request: { method: spec.method, url: buildUrl(context.baseUrl, spec.path, spec.query) },
      response: result,
    };
    if (items.length > maxItems) {
      throw walkStopped({
        ...stop,
        reason: `more than ${maxItems} arrived and Cal.com still sent full pages, the most the client collects in one call`,
        advice:
          'A list this long is unlikely to be real: check the base URL and the account, and report it with the request id.',
        path: 'data',
      });
    }
    stalled = fresh === 0 ? stalled + 1 : 0;
    if (stalled >= MAX_STALLED_PAGES) {
      throw walkStopped({
        ...stop,
        reason: `${MAX_STALLED_PAGES} full pages in a row repeated items already received (skip ${skip}), so the server ignores skip and the walk would never end`,
        advice: `Report it with the request id; the ${items.length} distinct ${walk.what} received so far are not returned, as the list is not known to be complete.`,
        path: 'data',
      });
    }
    skip += page.length;
  }
}

/**
 * Runs an async function over items with at most `limit` calls in flight, keeping the order of the results. After
 * the first failure no new call starts, and the failure is thrown.
 */
export async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  run: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next;
      next += 1;
      try {
        results[index] = await run(items[index] as T);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
