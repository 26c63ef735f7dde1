import { simulator } from '@calcom-int/testkit/vitest';
import type { CalComClient } from '../../src/client';

/** One read method of the client, called with inputs the seeded simulator answers with 2xx. */
export interface ReadCase {
  /** The client method. */
  readonly name: string;
  /** Calls it and returns the result (`iterateBookings` is walked to the end). */
  readonly call: (client: CalComClient) => Promise<unknown>;
}

/** Tuesday after `TEST_NOW`, in Berlin: a working day with free slots and bookings in the seed. */
const TUESDAY = { start: '2026-06-02T00:00:00+02:00', end: '2026-06-03T00:00:00+02:00' };

/**
 * Every read method of the client (the audit's list). Each is called against the real simulator answer, mutated.
 */
export const READS: readonly ReadCase[] = [
  { name: 'getUser', call: (client) => client.getUser() },
  { name: 'listEventTypes', call: (client) => client.listEventTypes() },
  { name: 'getEventType', call: (client) => client.getEventType(3002) },
  {
    name: 'listSlots',
    call: (client) => client.listSlots({ eventTypeId: 3002, ...TUESDAY, timeZone: 'Europe/Berlin' }),
  },
  { name: 'listAvailability', call: (client) => client.listAvailability(TUESDAY) },
  { name: 'listSchedules', call: (client) => client.listSchedules() },
  { name: 'getDefaultSchedule', call: (client) => client.getDefaultSchedule() },
  { name: 'listBookings', call: (client) => client.listBookings() },
  {
    name: 'iterateBookings',
    call: async (client) => {
      const bookings: unknown[] = [];
      for await (const booking of client.iterateBookings({ limit: 2 })) bookings.push(booking);
      return bookings;
    },
  },
  { name: 'getBooking', call: (client) => client.getBooking(firstBookingUid()) },
  { name: 'listTeams', call: (client) => client.listTeams() },
  { name: 'getTeam', call: (client) => client.getTeam(5001) },
  { name: 'listTeamMembers', call: (client) => client.listTeamMembers(5001) },
  { name: 'listWebhooks', call: (client) => client.listWebhooks() },
];

/**
 * Returns the uid of the first seeded booking of the simulator in use.
 *
 * @returns The uid.
 */
function firstBookingUid(): string {
  const booking = simulator().state.bookings[0];
  if (booking === undefined) throw new Error('the seed has no booking');
  return booking.uid;
}
