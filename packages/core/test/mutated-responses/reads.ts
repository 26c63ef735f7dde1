import { simulator } from '@calcom-int/testkit/vitest';
import type { CalComClient } from '../../src/client';

/** One read method of the client, called with inputs the seeded simulator answers with 2xx. */
export interface ReadCase {
  /** The client method. */
  readonly name: string;
  /** Calls it and returns the result (`bookings.iterate` is walked to the end). */
  readonly call: (client: CalComClient) => Promise<unknown>;
}

/** Tuesday after `TEST_NOW`, in Berlin: a working day with free slots and bookings in the seed. */
const TUESDAY = { start: '2026-06-02T00:00:00+02:00', end: '2026-06-03T00:00:00+02:00' };

/**
 * Every read method of the client (the audit's list). Each is called against the real simulator answer, mutated.
 */
export const READS: readonly ReadCase[] = [
  { name: 'me.get', call: (client) => client.me.get() },
  { name: 'eventTypes.list', call: (client) => client.eventTypes.list() },
  { name: 'eventTypes.get', call: (client) => client.eventTypes.get(3002) },
  {
    name: 'slots.list',
    call: (client) => client.slots.list({ eventTypeId: 3002, ...TUESDAY, timeZone: 'Europe/Berlin' }),
  },
  { name: 'availability.list', call: (client) => client.availability.list(TUESDAY) },
  { name: 'schedules.list', call: (client) => client.schedules.list() },
  { name: 'schedules.getDefault', call: (client) => client.schedules.getDefault() },
  { name: 'bookings.list', call: (client) => client.bookings.list() },
  {
    name: 'bookings.iterate',
    call: async (client) => {
      const bookings: unknown[] = [];
      for await (const booking of client.bookings.iterate({ limit: 2 })) bookings.push(booking);
      return bookings;
    },
  },
  { name: 'bookings.get', call: (client) => client.bookings.get(firstBookingUid()) },
  { name: 'teams.list', call: (client) => client.teams.list() },
  { name: 'teams.get', call: (client) => client.teams.get(5001) },
  { name: 'teams.listMembers', call: (client) => client.teams.listMembers(5001) },
  { name: 'webhooks.list', call: (client) => client.webhooks.list() },
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
