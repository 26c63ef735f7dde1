import type { CalComClient } from '@calcom-int/core';
import { getBooking, runTool, type ToolResult } from '@calcom-int/tools';

/** The note put before a result found by reconciliation. */
export const RECONCILED_NOTE =
  'An earlier attempt of this call (on a server instance that stopped mid-call) already did this; nothing was sent twice.';

/**
 * Looks for the effect of a write whose server instance died mid-call, so that the retry answers with it instead of
 * writing twice. Handles `create_booking` (a live booking of the event type at the start with the attendee's email) and
 * `reschedule_booking` (the old booking's `rescheduledToUid`); other writes are safe to repeat (cancel, confirm,
 * decline and the time-zone update reach the same state), so they return `undefined` and run again.
 *
 * @param client The caller's client.
 * @param tool The tool name.
 * @param input The raw tool input.
 * @param signal Aborts the lookup.
 * @returns The result to answer with, or `undefined` when the write did not happen.
 */
export async function reconcileWrite(
  client: CalComClient,
  tool: string,
  input: Record<string, unknown>,
  signal: AbortSignal | undefined,
): Promise<ToolResult | undefined> {
  const options = signal === undefined ? {} : { signal };
  if (tool === 'create_booking') {
    const eventTypeId = input.event_type_id;
    const start = typeof input.start_time === 'string' ? Date.parse(input.start_time) : Number.NaN;
    const end = typeof input.end_time === 'string' ? Date.parse(input.end_time) : Number.NaN;
    if (typeof eventTypeId !== 'number' || Number.isNaN(start) || Number.isNaN(end)) {
      return undefined;
    }
    const email = (
      typeof input.attendee_email === 'string' ? input.attendee_email : (await client.me.get(options)).email
    ).toLowerCase();
    const bookings = client.bookings.iterate(
      { eventTypeId, afterStart: new Date(start), beforeEnd: new Date(end) },
      options,
    );
    for await (const booking of bookings) {
      if (
        Date.parse(booking.start) === start &&
        booking.status !== 'cancelled' &&
        booking.status !== 'rejected' &&
        booking.attendees.some((attendee) => attendee.email?.toLowerCase() === email)
      ) {
        return describe(client, booking.uid, signal);
      }
    }
    return undefined;
  }
  if (tool === 'reschedule_booking' && typeof input.booking_id === 'string') {
    const old = await client.bookings.get(input.booking_id, options);
    return old.rescheduledToUid === undefined ? undefined : describe(client, old.rescheduledToUid, signal);
  }
  return undefined;
}

/**
 * Describes the booking found, as get_booking would, after the reconciliation note.
 *
 * @param client The client.
 * @param uid The booking uid.
 * @param signal Aborts the call.
 * @returns The result.
 */
async function describe(client: CalComClient, uid: string, signal: AbortSignal | undefined): Promise<ToolResult> {
  const result = await runTool(getBooking, { booking_id: uid }, signal === undefined ? { client } : { client, signal });
  return result.ok ? { ...result, text: `${RECONCILED_NOTE}\n${result.text}` } : result;
}
