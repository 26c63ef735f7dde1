import { simulator, TEST_NOW } from '@calcom-int/testkit/vitest';
import { expect } from 'vitest';
import { CalComValidationError } from '../../src/errors/validation-error';
import { sentRequests } from './test-client';

// What the tests of one booking's attendees, guests, location and no-shows share.

/** The bookings API version of these calls. */
export const V = '2024-08-13';
/** The seeded accepted 30-minute booking on Tuesday 2026-06-02 10:00 Berlin (TEST_NOW is Monday 08:00 Berlin). */
export const UPCOMING_START = '2026-06-02T08:00:00.000Z';
/** The seeded past booking (the only one that ended before TEST_NOW). */
export const PAST_START = 'past';

/** A seeded booking of the simulator. */
type SeededBooking = ReturnType<typeof simulator>['state']['bookings'][number];

/** The seeded booking starting at `start` (or {@link PAST_START}). */
export function seeded(start: string): SeededBooking {
  const booking = simulator().state.bookings.find((candidate) =>
    start === PAST_START
      ? Date.parse(candidate.end) < TEST_NOW && candidate.status === 'accepted'
      : candidate.start === start,
  );
  if (booking === undefined) throw new Error(`no seeded booking at ${start}`);
  return booking;
}

/** The requests sent, as `METHOD path`. */
export const calls = () => sentRequests().map((request) => `${request.method} ${request.path}`);

/** The writes sent. */
export const writes = () => sentRequests().filter((request) => request.method !== 'GET');

/** The message of a client refusal, checking that nothing was written. */
export async function refusal(promise: Promise<unknown>): Promise<string> {
  const before = writes().length;
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CalComValidationError);
  expect(writes()).toHaveLength(before);
  return (error as Error).message;
}
