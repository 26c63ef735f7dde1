import type { CalComClient } from '@calcom-int/core';
import { afterAll, beforeAll, expect } from 'vitest';
import { eventTypeSlugPrefix } from './booking-helpers';
import { ResourceTracker } from './resource-tracker';
import { type LiveTarget, selectTarget } from './target';

/** What a live test file works with: its target, the target's client and the tracker of what it creates. */
export interface LiveSession {
  readonly target: LiveTarget;
  readonly client: CalComClient;
  readonly tracker: ResourceTracker;
}

/**
 * Gives a test file its session: opens it in `beforeAll` and closes it in `afterAll` (registered here, before the
 * file's own hooks, so that a file's `beforeAll` can already use it). Its fields are set once `beforeAll` has run.
 *
 * @param label The file's label in slugs and attendee emails.
 * @returns The session, filled in by `beforeAll`.
 */
export function useLiveSession(label: string): LiveSession {
  const session: { -readonly [K in keyof LiveSession]?: LiveSession[K] } = {};
  beforeAll(async () => {
    Object.assign(session, await openLiveSession(label));
  });
  afterAll(() => closeLiveSession(session.target, session.tracker));
  return session as LiveSession;
}

/**
 * Opens a file's session (in `beforeAll`): selects the target and tracks what the file creates under its label.
 *
 * @param label The file's label in slugs and attendee emails.
 * @returns The session.
 */
async function openLiveSession(label: string): Promise<LiveSession> {
  const target = await selectTarget();
  return { target, client: target.client, tracker: new ResourceTracker(target.client, eventTypeSlugPrefix(label)) };
}

/**
 * Closes a file's session (in `afterAll`): removes what it created, checks nothing is left, closes the target. Either
 * may be missing when `beforeAll` failed; then only what exists is closed.
 *
 * @param target The target, if it was selected.
 * @param tracker The tracker, if it was created.
 */
async function closeLiveSession(target: LiveTarget | undefined, tracker: ResourceTracker | undefined) {
  if (tracker === undefined) {
    await target?.close();
    return;
  }
  const problems = await tracker.cleanup();
  const left = await tracker.verifyClean();
  await target?.close();
  expect(problems).toEqual([]);
  expect(left).toEqual([]);
}
