import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SimulatorStateView } from '@calcom-int/testkit';
import { simulator, TEST_CLIENT_OPTIONS, TEST_NOW } from '@calcom-int/testkit/vitest';
import { expect } from 'vitest';
import { CalComClient } from '../../src/client';
import { type CalComClientOptions, resolveClientOptions } from '../../src/client-options';
import type { Clock } from '../../src/internal/clock';
import { RequestExecutor } from '../../src/internal/request-loop';

/**
 * How much faster than real time the matrix's request loop runs: every timeout, backoff and rate-limit wait is kept
 * (the default 30 s timeout is still 30 s to the client, and 300 ms on the real timers, far longer than any answer of
 * the simulator) but takes 1/100 of it on the real timers, so the 264 cells run in seconds instead of hours.
 */
const TIME_LAPSE = 100;

const origin = performance.now();

/** The request loop's clock: {@link TIME_LAPSE} times real time, starting at the simulator's `TEST_NOW`. */
const timeLapseClock: Clock = {
  now: () => TEST_NOW + (performance.now() - origin) * TIME_LAPSE,
  setTimer(callback, ms) {
    const timer = setTimeout(callback, ms / TIME_LAPSE);
    return () => clearTimeout(timer);
  },
};

const emptyFolder = mkdtempSync(join(tmpdir(), 'calcom-fault-matrix-'));

/**
 * Creates the client of one cell: the simulator's key, base URL and calendar clock, the default retries (3) and
 * timeout (30 s), no circuit breaker, and a request loop on the time-lapse clock with jitter-free backoff.
 *
 * @returns The client.
 */
export function matrixClient(): CalComClient {
  const options: CalComClientOptions = {
    ...TEST_CLIENT_OPTIONS,
    circuitBreaker: false,
    logLevel: 'silent',
  };
  const resolved = resolveClientOptions(options, { env: {}, cwd: emptyFolder });
  return new CalComClient(options, {
    executor: new RequestExecutor(resolved, { clock: timeLapseClock, random: () => 0 }),
  });
}

/** A fault of the simulator (`packages/testkit/src/simulator/fault-registry.ts`) as the matrix applies it. */
export interface MatrixFault {
  /** The cell's name. */
  readonly name: string;
  /** The fault. */
  readonly fault: Parameters<ReturnType<typeof simulator>['faults']['add']>[0]['fault'];
  /** Whether the simulator applies the write before failing (`commit-then-fail`). */
  readonly commits: boolean;
  /** Whether the request loop may repeat any write after it (429: Cal.com did nothing). */
  readonly retriedForEveryWrite: boolean;
  /** Whether Cal.com answered with an error status (so a read-back that shows nothing is final). */
  readonly serverAnswered: boolean;
}

/** Every fault the simulator can inject on a write, except latency (which only slows a success down). */
export const FAULTS: readonly MatrixFault[] = [
  {
    name: '500 envelope',
    fault: { type: 'server-error' },
    commits: false,
    retriedForEveryWrite: false,
    serverAnswered: true,
  },
  {
    name: 'bare 500',
    fault: { type: 'server-error', shape: 'bare' },
    commits: false,
    retriedForEveryWrite: false,
    serverAnswered: true,
  },
  { name: 'HTML 502', fault: { type: 'html-502' }, commits: false, retriedForEveryWrite: false, serverAnswered: true },
  {
    name: '503',
    fault: { type: 'server-error', status: 503 },
    commits: false,
    retriedForEveryWrite: false,
    serverAnswered: true,
  },
  {
    name: '429',
    fault: { type: 'rate-limit', resetSeconds: 1 },
    commits: false,
    retriedForEveryWrite: true,
    serverAnswered: true,
  },
  {
    name: 'connection reset',
    fault: { type: 'reset' },
    commits: false,
    retriedForEveryWrite: false,
    serverAnswered: false,
  },
  {
    name: 'hang past the timeout',
    fault: { type: 'hang' },
    commits: false,
    retriedForEveryWrite: false,
    serverAnswered: false,
  },
  {
    name: 'malformed 200',
    fault: { type: 'malformed-json' },
    commits: false,
    retriedForEveryWrite: false,
    serverAnswered: false,
  },
  {
    name: 'commit-then-fail 500',
    fault: { type: 'commit-then-fail', outcome: 'server-error' },
    commits: true,
    retriedForEveryWrite: false,
    serverAnswered: true,
  },
  {
    name: 'commit-then-fail bare 500',
    fault: { type: 'commit-then-fail', outcome: 'bare-server-error' },
    commits: true,
    retriedForEveryWrite: false,
    serverAnswered: true,
  },
  {
    name: 'commit-then-fail reset',
    fault: { type: 'commit-then-fail', outcome: 'reset' },
    commits: true,
    retriedForEveryWrite: false,
    serverAnswered: false,
  },
  {
    name: 'commit-then-fail hang',
    fault: { type: 'commit-then-fail', outcome: 'hang' },
    commits: true,
    retriedForEveryWrite: false,
    serverAnswered: false,
  },
];

/** How often a fault applies: to the first matching request, or to every one. */
export interface MatrixMode {
  /** The cell's name. */
  readonly name: string;
  /** The fault rule's `times`; `undefined` is every request. */
  readonly times: number | undefined;
}

/** The two modes. */
export const MODES: readonly MatrixMode[] = [
  { name: 'once', times: 1 },
  { name: 'persistently', times: undefined },
];

/** One write of the client as the matrix drives it. */
export interface MatrixWrite {
  /** The client method. */
  readonly name: string;
  /**
   * `creating`: never sent twice, an ambiguous failure is looked up (D6, D7); `repeatable`: sent again once a
   * read-back shows it did not happen.
   */
  readonly kind: 'creating' | 'repeatable';
  /** The HTTP method of the write request (the fault applies to it only; reads stay healthy). */
  readonly method: 'POST' | 'PATCH' | 'DELETE';
  /**
   * Finds what the write acts on in the fresh simulator.
   *
   * @param state The simulator's state.
   * @returns The subject (a uid or id), or `''`.
   */
  subject(state: SimulatorStateView): string;
  /**
   * The write request's path.
   *
   * @param subject The subject.
   * @returns The path, e.g. `/v2/bookings/abc/cancel`.
   */
  path(subject: string): string;
  /**
   * Calls the client.
   *
   * @param client The client.
   * @param subject The subject.
   * @returns The method's result.
   */
  run(client: CalComClient, subject: string): Promise<unknown>;
  /**
   * Counts how many times the write is in the state: 0 (not done), 1, or more (duplicated).
   *
   * @param state The simulator's state.
   * @param subject The subject.
   * @returns The count.
   */
  effects(state: SimulatorStateView, subject: string): number;
  /**
   * Tells whether the result tells the caller that its call made the write (cancel: not "already cancelled").
   *
   * @param result The result.
   * @returns Whether the caller was told.
   */
  toldDone(result: unknown): boolean;
  /**
   * Checks that a successful result matches the state and says how it was confirmed.
   *
   * @param result The result.
   * @param subject The subject.
   * @param fault The cell's fault.
   */
  checkResult(result: unknown, subject: string, fault: MatrixFault): void;
}

/** The attendee of the matrix's bookings. */
const ANN = { name: 'Ann Lee', email: 'ann@example.com', timeZone: 'Europe/Rome' };
/** The start of the matrix's new booking. */
const CREATE_START = '2026-06-02T09:00:00.000Z';
/** The new start of the matrix's reschedule. */
const RESCHEDULE_START = '2026-06-03T10:00:00.000Z';
/** The webhook URL of the matrix's new webhook. */
const HOOK_URL = 'https://example.com/fault-matrix';

/**
 * Finds a seeded booking's uid.
 *
 * @param state The state.
 * @param eventTypeId The event type.
 * @param start The UTC start.
 * @returns The uid.
 */
function seededUid(state: SimulatorStateView, eventTypeId: number, start: string): string {
  const booking = state.bookings.find(
    (candidate) => candidate.eventTypeId === eventTypeId && candidate.start === start,
  );
  if (booking === undefined) throw new Error(`no seeded booking ${eventTypeId} at ${start}`);
  return booking.uid;
}

/**
 * Reads a booking's status.
 *
 * @param state The state.
 * @param uid The uid.
 * @returns The status.
 */
const statusOf = (state: SimulatorStateView, uid: string) =>
  state.bookings.find((booking) => booking.uid === uid)?.status;

/** The result fields the checks read. */
interface Result {
  readonly booking?: { readonly uid: string; readonly status: string; readonly rescheduledFromUid?: string };
  readonly verifiedByReadBack?: boolean;
  readonly alreadyCancelled?: boolean;
  readonly status?: string;
  readonly slug?: string;
  readonly title?: string;
  readonly timeZone?: string;
  readonly subscriberUrl?: string;
  readonly id?: string | number;
}
const asResult = (value: unknown) => value as Result;

/** The eleven writes of the client. */
export const WRITES: readonly MatrixWrite[] = [
  {
    name: 'bookings.create',
    kind: 'creating',
    method: 'POST',
    subject: () => '',
    path: () => '/v2/bookings',
    run: (client) => client.bookings.create({ eventTypeId: 3002, start: CREATE_START, attendee: ANN }),
    effects: (state) =>
      state.bookings.filter(
        (booking) =>
          booking.start === CREATE_START &&
          booking.status === 'accepted' &&
          booking.attendees.some((attendee) => attendee.email === ANN.email),
      ).length,
    toldDone: () => true,
    checkResult(result, _subject, fault) {
      const { booking, verifiedByReadBack } = asResult(result);
      expect(statusOf(simulator().state, booking?.uid ?? '')).toBe('accepted');
      expect(verifiedByReadBack).toBe(fault.commits);
    },
  },
  {
    name: 'bookings.reschedule',
    kind: 'creating',
    method: 'POST',
    subject: (state) => seededUid(state, 3002, '2026-06-02T08:00:00.000Z'),
    path: (uid) => `/v2/bookings/${uid}/reschedule`,
    run: (client, uid) => client.bookings.reschedule(uid, { start: RESCHEDULE_START }),
    effects: (state, uid) => state.bookings.filter((booking) => booking.rescheduledFromUid === uid).length,
    toldDone: () => true,
    checkResult(result, uid, fault) {
      const { booking, verifiedByReadBack } = asResult(result);
      expect(booking?.rescheduledFromUid).toBe(uid);
      expect(statusOf(simulator().state, booking?.uid ?? '')).toBe('accepted');
      expect(verifiedByReadBack).toBe(fault.commits);
    },
  },
  {
    name: 'bookings.cancel',
    kind: 'repeatable',
    method: 'POST',
    subject: (state) => seededUid(state, 3002, '2026-06-02T08:00:00.000Z'),
    path: (uid) => `/v2/bookings/${uid}/cancel`,
    run: (client, uid) => client.bookings.cancel(uid, { reason: 'Fault matrix' }),
    effects: (state, uid) => (statusOf(state, uid) === 'cancelled' ? 1 : 0),
    toldDone: (result) => asResult(result).alreadyCancelled === false,
    checkResult(result, uid, fault) {
      expect(result).toMatchObject({ uid, status: 'cancelled', alreadyCancelled: false, reason: 'Fault matrix' });
      expect(asResult(result).verifiedByReadBack).toBe(fault.commits);
    },
  },
  {
    name: 'bookings.confirm',
    kind: 'repeatable',
    method: 'POST',
    subject: (state) => seededUid(state, 3003, '2026-06-02T12:00:00.000Z'),
    path: (uid) => `/v2/bookings/${uid}/confirm`,
    run: (client, uid) => client.bookings.confirm(uid),
    effects: (state, uid) => (statusOf(state, uid) === 'accepted' ? 1 : 0),
    toldDone: () => true,
    checkResult: (result, uid) => expect(result).toMatchObject({ uid, status: 'accepted' }),
  },
  {
    name: 'bookings.decline',
    kind: 'repeatable',
    method: 'POST',
    subject: (state) => seededUid(state, 3003, '2026-06-02T12:00:00.000Z'),
    path: (uid) => `/v2/bookings/${uid}/decline`,
    run: (client, uid) => client.bookings.decline(uid, { reason: 'Fault matrix' }),
    effects: (state, uid) => (statusOf(state, uid) === 'rejected' ? 1 : 0),
    toldDone: () => true,
    checkResult: (result, uid) =>
      expect(result).toMatchObject({ uid, status: 'rejected', cancellationReason: 'Fault matrix' }),
  },
  {
    name: 'eventTypes.create',
    kind: 'creating',
    method: 'POST',
    subject: () => '',
    path: () => '/v2/event-types',
    run: (client) => client.eventTypes.create({ title: 'Fault matrix', slug: 'fault-matrix', lengthInMinutes: 20 }),
    effects: (state) => state.eventTypes.filter((eventType) => eventType.slug === 'fault-matrix').length,
    toldDone: () => true,
    checkResult(result) {
      const created = simulator().state.eventTypes.find((eventType) => eventType.slug === 'fault-matrix');
      expect(result).toMatchObject({ id: created?.id, slug: 'fault-matrix', lengthInMinutes: 20 });
    },
  },
  {
    name: 'eventTypes.update',
    kind: 'repeatable',
    method: 'PATCH',
    subject: () => '3002',
    path: (id) => `/v2/event-types/${id}`,
    run: (client, id) => client.eventTypes.update(Number(id), { title: 'Fault matrix', slotInterval: 45 }),
    effects: (state, id) =>
      state.eventTypes.filter(
        (eventType) =>
          String(eventType.id) === id && eventType.title === 'Fault matrix' && eventType.slotInterval === 45,
      ).length,
    toldDone: () => true,
    checkResult: (result, id) =>
      expect(result).toMatchObject({ id: Number(id), title: 'Fault matrix', slotInterval: 45 }),
  },
  {
    name: 'eventTypes.delete',
    kind: 'repeatable',
    method: 'DELETE',
    subject: () => '3001',
    path: (id) => `/v2/event-types/${id}`,
    run: (client, id) => client.eventTypes.delete(Number(id)),
    effects: (state, id) => (state.eventTypes.some((eventType) => String(eventType.id) === id) ? 0 : 1),
    toldDone: () => true,
    checkResult: (result) => expect(result).toBeUndefined(),
  },
  {
    name: 'me.update',
    kind: 'repeatable',
    method: 'PATCH',
    subject: () => '',
    path: () => '/v2/me',
    run: (client) => client.me.update({ timeZone: 'Asia/Tokyo', weekStart: 'Sunday' }),
    effects: (state) =>
      state.users.filter(
        (user) => user.username === 'ada-lovelace' && user.timeZone === 'Asia/Tokyo' && user.weekStart === 'Sunday',
      ).length,
    toldDone: () => true,
    checkResult: (result) =>
      expect(result).toMatchObject({ username: 'ada-lovelace', timeZone: 'Asia/Tokyo', weekStart: 'Sunday' }),
  },
  {
    name: 'webhooks.create',
    kind: 'creating',
    method: 'POST',
    subject: () => '',
    path: () => '/v2/webhooks',
    run: (client) => client.webhooks.create({ subscriberUrl: HOOK_URL, triggers: ['BOOKING_CREATED'] }),
    effects: (state) => state.webhooks.filter((webhook) => webhook.subscriberUrl === HOOK_URL).length,
    toldDone: () => true,
    checkResult(result) {
      const created = simulator().state.webhooks.find((webhook) => webhook.subscriberUrl === HOOK_URL);
      expect(result).toMatchObject({ id: String(created?.id), subscriberUrl: HOOK_URL, active: true });
    },
  },
  {
    name: 'webhooks.delete',
    kind: 'repeatable',
    method: 'DELETE',
    subject: () => '8001',
    path: (id) => `/v2/webhooks/${id}`,
    run: (client, id) => client.webhooks.delete(id),
    effects: (state, id) => (state.webhooks.some((webhook) => String(webhook.id) === id) ? 0 : 1),
    toldDone: () => true,
    checkResult: (result) => expect(result).toBeUndefined(),
  },
];

/**
 * Tells whether the write must have happened in a cell: always after a commit; after a fault applied once, when
 * the write may be sent again (a 429 for every write, anything for a repeatable write once a read-back shows it did
 * not happen); never for a creating write after an ambiguous failure (D6) or under a persistent fault.
 *
 * @param write The write.
 * @param fault The fault.
 * @param mode The mode.
 * @returns Whether it happened.
 */
export function shouldHappen(write: MatrixWrite, fault: MatrixFault, mode: MatrixMode): boolean {
  if (fault.commits) return true;
  if (mode.times === undefined) return false;
  return fault.retriedForEveryWrite || write.kind === 'repeatable';
}

/**
 * The error that tells the truth when a write did not happen: the 429 itself; for a creating write, that the
 * outcome is unknown (it is never sent again and a lookup found nothing); for a repeatable write, the server error
 * when Cal.com answered one and reading back showed nothing, else that the outcome is unknown (the request may still
 * land).
 *
 * @param write The write.
 * @param fault The fault.
 * @returns The error's class name.
 */
export function truthfulError(write: MatrixWrite, fault: MatrixFault): string {
  if (fault.retriedForEveryWrite) return 'CalComRateLimitError';
  if (write.kind === 'creating' || !fault.serverAnswered) return 'CalComUnknownOutcomeError';
  return 'CalComServerError';
}
