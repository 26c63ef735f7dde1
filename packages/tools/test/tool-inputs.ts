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
 * Books the round-robin team event type 4001 on the fixed clock's next day (the seed has no team booking), so that
 * reassign_booking has one to move; the simulator is deterministic, so the same call gives the same uid on every
 * identically seeded simulator.
 *
 * @param simulator The simulator.
 */
export async function bookRoundRobin(simulator: CalComSimulator): Promise<void> {
  const response = await simulator.handle(
    new Request('https://api.cal.com/v2/bookings', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cal-api-version': '2024-08-13' },
      body: JSON.stringify({
        eventTypeId: 4001,
        start: '2026-11-26T14:45:00.000Z',
        attendee: { name: 'Grace Hopper', email: 'grace@example.com', timeZone: 'America/New_York' },
      }),
    }),
  );
  if (!(response instanceof Response) || response.status !== 201) throw new Error('bookRoundRobin: not booked');
}

/** What a tool needs done on the simulator before its {@link validInputs} entry works (the same on every simulator). */
export const TOOL_SETUP: Readonly<Record<string, (simulator: CalComSimulator) => Promise<void>>> = {
  reassign_booking: bookRoundRobin,
};

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
  const past = bookings.find((booking) => booking.status === 'accepted' && booking.end < '2026-11-25T08:00');
  const teamId = simulator.state.teams[0]?.id ?? 0;
  return {
    get_user_profile: {},
    list_event_types: {},
    get_event_type: { event_type_id: 3002 },
    create_event_type: { title: 'Intro call', slug: 'intro-call', length_minutes: 20 },
    update_event_type: { event_type_id: 3002, title: 'Thirty minutes' },
    delete_event_type: { event_type_id: 3001 },
    list_private_links: { event_type_id: 3003 },
    create_private_link: { event_type_id: 3002, max_uses: 3 },
    update_private_link: { event_type_id: 3003, link_id: 'c0ffee000001', max_uses: 5 },
    delete_private_link: { event_type_id: 3003, link_id: 'c0ffee000001' },
    list_availability: { start_date: '2026-11-26', end_date: '2026-11-26', event_type_id: 3002 },
    get_busy_times: { start_date: '2026-11-26', end_date: '2026-11-26' },
    get_routing_form_slots: {
      form_id: '9d3b6f1e-2c4a-4e8b-a1f0-7c5d2e9b4a61',
      responses: { topic: 'Product demo' },
      start_date: '2026-11-26',
      end_date: '2026-11-26',
    },
    list_schedules: {},
    create_schedule: {
      name: 'Mornings',
      time_zone: 'Europe/Rome',
      weekly_hours: [{ days: ['Monday'], start_time: '08:00', end_time: '12:00' }],
    },
    update_schedule: {
      schedule_id: 2001,
      date_overrides: [{ date: '2026-12-24', start_time: '09:00', end_time: '12:00' }],
    },
    delete_schedule: { schedule_id: 2001 },
    list_bookings: { limit: 3 },
    get_booking: { booking_id: upcoming?.uid },
    get_booking_links: { booking_id: upcoming?.uid },
    add_booking_guests: { booking_id: upcoming?.uid, guests: [{ email: 'cy@example.com' }] },
    update_booking_location: { booking_id: upcoming?.uid, type: 'link', value: 'https://meet.example.com/abc' },
    mark_no_show: { booking_id: past?.uid, no_shows: ['host'] },
    // After TOOL_SETUP; before it, a well-formed uid whose booking Cal.com would refuse to reassign.
    reassign_booking: { booking_id: (bookings.find((booking) => booking.eventTypeId === 4001) ?? upcoming)?.uid },
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
    list_webhooks: {},
    create_webhook: { subscriber_url: 'https://example.com/cal', triggers: ['BOOKING_CREATED'], secret: 'whsec_1' },
    delete_webhook: { webhook_id: '8001' },
  };
}
