/**
 * What the booking write tools tell the agent when Cal.com makes the change and then fails (commit-then-fail): the
 * text must say the change happened, never "nothing changed", "already cancelled" or "fix the fields", and the change
 * must exist exactly once. The client-level matrix over every write and fault is `packages/core/test/fault-matrix`.
 */
import { simulator } from '@calcom-int/testkit/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CalComTool } from '../src/define-tool';
import { runTool } from '../src/run-tool';
import { cancelBooking } from '../src/tools/cancel-booking';
import { confirmBooking } from '../src/tools/confirm-booking';
import { createBooking } from '../src/tools/create-booking';
import { declineBooking } from '../src/tools/decline-booking';
import { rescheduleBooking } from '../src/tools/reschedule-booking';
import { createTestContext, expectOk, useFixedSimulator } from './support';

/** The seeded accepted and pending bookings of the tool tests' simulator (clock 2026-11-25 08:00 UTC). */
const ACCEPTED = { eventTypeId: 3002, start: '2026-11-26T09:00:00.000Z' };
const PENDING = { eventTypeId: 3003, start: '2026-11-26T13:00:00.000Z' };

/**
 * Finds a seeded booking's uid.
 *
 * @param seed Its event type and start.
 * @returns The uid.
 */
function uidOf(seed: { eventTypeId: number; start: string }): string {
  const booking = simulator().state.bookings.find(
    (candidate) => candidate.eventTypeId === seed.eventTypeId && candidate.start === seed.start,
  );
  if (booking === undefined) throw new Error(`no seeded booking at ${seed.start}`);
  return booking.uid;
}

/** One tool write: its tool, request, input and how to count the change in the simulator. */
interface ToolWrite {
  readonly name: string;
  readonly tool: CalComTool;
  readonly method: string;
  path(uid: string): string;
  input(uid: string): Record<string, unknown>;
  changes(uid: string): number;
  /** What the first line of the text says. */
  readonly says: RegExp;
}

const statusIs = (uid: string, status: string) =>
  simulator().state.bookings.filter((booking) => booking.uid === uid && booking.status === status).length;

const WRITES: readonly ToolWrite[] = [
  {
    name: 'create_booking',
    tool: createBooking as CalComTool,
    method: 'POST',
    path: () => '/v2/bookings',
    input: () => ({
      event_type_id: 3002,
      start_time: '2026-11-26T10:00:00Z',
      end_time: '2026-11-26T10:30:00Z',
      attendee_name: 'Ann Lee',
      attendee_email: 'ann@example.com',
      attendee_timezone: 'Europe/Rome',
    }),
    changes: () =>
      simulator().state.bookings.filter((booking) =>
        booking.attendees.some((attendee) => attendee.email === 'ann@example.com'),
      ).length,
    says: /^Booked uid \S+ \(id \d+\), status accepted\. Cal\.com's answer was lost .* booked once\. Do not book it again\./,
  },
  {
    name: 'reschedule_booking',
    tool: rescheduleBooking as CalComTool,
    method: 'POST',
    path: (uid) => `/v2/bookings/${uid}/reschedule`,
    input: (uid) => ({
      booking_id: uid,
      new_start_time: '2026-11-27T10:00:00Z',
      new_end_time: '2026-11-27T10:30:00Z',
    }),
    changes: (uid) => simulator().state.bookings.filter((booking) => booking.rescheduledFromUid === uid).length,
    says: /^Rescheduled: booking uid \S+ is replaced by the new uid .* the move happened once\./,
  },
  {
    name: 'cancel_booking',
    tool: cancelBooking as CalComTool,
    method: 'POST',
    path: (uid) => `/v2/bookings/${uid}/cancel`,
    input: (uid) => ({ booking_id: uid, cancellation_reason: 'Host is ill' }),
    changes: (uid) => statusIs(uid, 'cancelled'),
    says: /^Cancelled booking uid \S+ \(reason: Host is ill\)\. Cal\.com's answer was lost .* it is cancelled\./,
  },
  {
    name: 'confirm_booking',
    tool: confirmBooking as CalComTool,
    method: 'POST',
    path: (uid) => `/v2/bookings/${uid}/confirm`,
    input: (uid) => ({ booking_id: uid }),
    changes: (uid) => statusIs(uid, 'accepted'),
    says: /^Confirmed booking uid \S+, status accepted\./,
  },
  {
    name: 'decline_booking',
    tool: declineBooking as CalComTool,
    method: 'POST',
    path: (uid) => `/v2/bookings/${uid}/decline`,
    input: (uid) => ({ booking_id: uid, reason: 'Fully booked' }),
    changes: (uid) => statusIs(uid, 'rejected'),
    says: /^Declined booking uid \S+, status rejected\./,
  },
];

const OUTCOMES = ['server-error', 'bare-server-error', 'reset', 'hang'] as const;

/** Phrases that would tell the agent the change did not happen, or that its input was wrong. */
const UNTRUE = /nothing changed|already cancelled|fix the|rejected the input|unknown|may or may not/i;

describe.each(WRITES)('$name after Cal.com made the change and failed', (write) => {
  beforeEach(() => useFixedSimulator());

  it.each(OUTCOMES)('(%s) says it happened, and it happened once', async (outcome) => {
    const uid = write.name === 'confirm_booking' || write.name === 'decline_booking' ? uidOf(PENDING) : uidOf(ACCEPTED);
    simulator().faults.add({
      method: write.method,
      path: write.path(uid),
      fault: { type: 'commit-then-fail', outcome },
    });
    const result = expectOk(await runTool(write.tool, write.input(uid), createTestContext({ timeoutMs: 300 })));
    expect(result.text).toMatch(write.says);
    expect(result.text).not.toMatch(UNTRUE);
    expect(write.changes(uid)).toBe(1);
    expect(simulator().requests.filter((request) => request.method === 'POST')).toHaveLength(1);
  });
});
