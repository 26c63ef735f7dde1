import { describe, expect, it } from 'vitest';
import type { BookingOutput, EventTypeOutput } from '../../src/index';
import { createContractHarness, dataOf, VERSIONS } from './simulator-harness';

describe('simulator POST /v2/bookings with location, answers and a length, against the contract', () => {
  const harness = createContractHarness();
  const version = VERSIONS.bookings;
  const attendee = { name: 'Mary Somerville', email: 'mary@example.com', timeZone: 'Europe/London' };

  it('GET /v2/event-types/3007 shows the seeded locations, lengths and custom questions', async () => {
    const eventType = dataOf<EventTypeOutput>(
      await harness.expectValid({ method: 'GET', path: '/v2/event-types/3007', version: VERSIONS.eventTypes }, 200),
    );
    expect(eventType).toMatchObject({ lengthInMinutes: 30, lengthInMinutesOptions: [30, 45, 60] });
    expect(eventType.locations.map((location) => location.type)).toEqual([
      'integration',
      'address',
      'link',
      'phone',
      'attendeePhone',
    ]);
    expect(eventType.bookingFields.map((field) => [field.slug, field.required])).toEqual([
      ['name', true],
      ['email', true],
      ['company', true],
      ['goal', false],
    ]);
  });

  it('POST /v2/bookings books the attendee-phone location, the answers and a 60 minute length', async () => {
    const booking = dataOf<BookingOutput>(
      await harness.expectValid(
        {
          method: 'POST',
          path: '/v2/bookings',
          version,
          body: {
            start: '2030-09-04T09:00:00.000Z',
            eventTypeId: 3007,
            attendee,
            location: { type: 'attendeePhone', phone: '+447700900123' },
            bookingFieldsResponses: { company: 'Royal Society' },
            lengthInMinutes: 60,
            metadata: { source: 'contract-test' },
          },
        },
        201,
      ),
    );
    expect(booking).toMatchObject({
      location: '+447700900123',
      duration: 60,
      end: '2030-09-04T10:00:00.000Z',
      bookingFieldsResponses: { company: 'Royal Society' },
      metadata: { source: 'contract-test' },
    });
  });

  it('POST /v2/bookings answers a contract-valid 400 for a missing answer and for a location not offered', async () => {
    const base = { start: '2030-09-03T10:00:00.000Z', eventTypeId: 3007, attendee };
    await harness.expectValid({ method: 'POST', path: '/v2/bookings', version, body: base }, 400);
    await harness.expectValid(
      {
        method: 'POST',
        path: '/v2/bookings',
        version,
        body: {
          ...base,
          bookingFieldsResponses: { company: 'X' },
          location: { type: 'attendeeDefined', location: 'Pub' },
        },
      },
      400,
    );
  });
});
