import type { CalComSimulator } from '@calcom-int/testkit';

/** A create_booking input for a free 30-minute slot of event type 3002 on the fixed clock's next day. */
export const BOOKING_INPUT = {
  event_type_id: 3002,
  start_time: '2026-11-26T12:00:00Z',
  end_time: '2026-11-26T12:30:00Z',
  attendee_name: 'Grace Hopper',
  attendee_email: 'grace@example.com',
  attendee_timezone: 'America/New_York',
} as const;

/**
 * Builds a valid input for every tool from the simulator's seed state (fixed clock, see `support.ts`).
 *
 * @param simulator The simulator.
 * @returns The inputs, keyed by tool name.
 */
export function validInputs(simulator: CalComSimulator): Record<string, Record<string, unknown>> {
  const bookings = simulator.state.bookings;
  const upcoming = bookings.find(
    (booking) => booking.status === 'accepted' && booking.eventTypeId === 3002 && booking.start > '2026-11-25',
  );
  const pending = bookings.find((booking) => booking.status === 'pending');
  const teamId = simulator.state.teams[0]?.id ?? 0;
  return {
    get_user_profile: {},
    list_event_types: {},
    get_event_type: { event_type_id: 3002 },
    list_availability: { start_date: '2026-11-26', end_date: '2026-11-26', event_type_id: 3002 },
    list_bookings: { limit: 3 },
    get_booking: { booking_id: upcoming?.uid },
    create_booking: { ...BOOKING_INPUT },
    reschedule_booking: {
      booking_id: upcoming?.uid,
      new_start_time: '2026-11-27T13:00:00Z',
      new_end_time: '2026-11-27T13:30:00Z',
    },
    cancel_booking: { booking_id: upcoming?.uid, cancellation_reason: 'Plans changed' },
    confirm_booking: { booking_id: pending?.uid },
    decline_booking: { booking_id: pending?.uid, reason: 'Fully booked' },
    list_teams: {},
    get_team: { team_id: teamId },
    update_user_timezone: { timezone: 'Europe/Rome' },
  };
}
