import type { BoundCalComTool, ToolResult } from '@calcom-int/tools';
import { printCall, printResult, say } from './print';
import { addMinutes, tomorrowIn } from './time';

/** Thrown when a step of the session fails; the demo exits non-zero. */
export class DemoStepError extends Error {}

/**
 * Calls a tool, printing the call and its result as the agent sees them.
 *
 * @param tools The bound tools.
 * @param name The tool name.
 * @param input The tool input.
 * @returns The structured output.
 */
async function call(tools: Record<string, BoundCalComTool>, name: string, input: Record<string, unknown>) {
  const tool = tools[name];
  if (!tool) throw new DemoStepError(`The tool ${name} does not exist.`);
  printCall(name, input);
  const result: ToolResult = await tool.execute(input);
  printResult(result.ok, result.text);
  if (!result.ok) throw new DemoStepError(`${name} failed: ${result.text}`);
  return result.structured;
}

/** A free slot as list_availability returns it. */
interface FreeSlot {
  readonly start: string;
  readonly end: string;
}

/**
 * Plays an assistant's scheduling session: who am I, what can be booked, when is there free time tomorrow, book it, tell
 * the attendee how to join, move it by an hour, cancel it with a reason. Without `write`, stops after the read-only steps.
 *
 * @param tools The bound tools.
 * @param options Whether to write, and the current time.
 */
export async function playSession(
  tools: Record<string, BoundCalComTool>,
  options: { readonly write: boolean; readonly now: Date },
): Promise<void> {
  say('Who am I?');
  const { user } = (await call(tools, 'get_user_profile', {})) as { user: { id: number; timeZone: string } };

  say('What can be booked?');
  const { eventTypes } = (await call(tools, 'list_event_types', {})) as {
    eventTypes: { id: number; lengthInMinutes: number; hidden: boolean }[];
  };
  const eventType = eventTypes.find((type) => !type.hidden && type.lengthInMinutes === 30) ?? eventTypes[0];
  if (!eventType) throw new DemoStepError('The account has no event types to book.');

  const tomorrow = tomorrowIn(user.timeZone, options.now);
  say(`When is there free time tomorrow (${tomorrow.date}, ${user.timeZone})?`);
  const availability = { event_type_id: eventType.id, time_zone: user.timeZone };
  let { slots } = (await call(tools, 'list_availability', {
    start_date: tomorrow.start,
    end_date: tomorrow.end,
    ...availability,
  })) as { slots: FreeSlot[] };
  if (slots.length === 0) {
    say('Nothing tomorrow; look at the rest of the week.');
    ({ slots } = (await call(tools, 'list_availability', {
      start_date: tomorrow.end,
      end_date: addMinutes(tomorrow.end, 7 * 24 * 60),
      ...availability,
    })) as { slots: FreeSlot[] });
  }
  const first = slots[0];
  if (!first) throw new DemoStepError('No free time in the next week; try another range.');
  if (!options.write) {
    say('Read-only run against a real account: pass --write to book, move and cancel a meeting.');
    return;
  }

  say('Book the first free slot.');
  const booked = (await call(tools, 'create_booking', {
    event_type_id: eventType.id,
    start_time: first.start,
    end_time: first.end,
    attendee_name: 'Grace Hopper',
    attendee_email: 'grace@example.com',
    attendee_timezone: 'America/New_York',
    notes: 'Booked by the calcom-int demo',
  })) as { booking: { uid: string } };

  say('How does Grace join? The meeting place and add-to-calendar links.');
  await call(tools, 'get_booking_links', { booking_id: booked.booking.uid });

  const anHourLater = Date.parse(first.start) + 60 * 60_000;
  const later = slots.find((slot) => Date.parse(slot.start) >= anHourLater) ?? slots[1];
  if (!later) throw new DemoStepError('No later free slot to move the meeting to.');
  say('Move it by an hour (to the first free start at least an hour later).');
  const moved = (await call(tools, 'reschedule_booking', {
    booking_id: booked.booking.uid,
    new_start_time: later.start,
    new_end_time: later.end,
  })) as { booking: { uid: string } };

  say('Cancel it, with a reason.');
  await call(tools, 'cancel_booking', {
    booking_id: moved.booking.uid,
    cancellation_reason: 'Demo finished; freeing the slot.',
  });
}
