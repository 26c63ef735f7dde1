import { describe, expect, it } from 'vitest';
import { clientAtFixedTime } from '../../../test/support/fixed-clock';
import { sentRequests } from '../../../test/support/test-client';
import { CalComValidationError } from '../../errors/validation-error';
import type { CreateBookingInput } from './booking-types';

const ATTENDEE = { name: 'Ann Lee', email: 'ann@example.com', timeZone: 'Europe/Rome' };
/** The seeded discovery call: 30/45/60 min, five locations, a required "Company" question. */
const DISCOVERY = { eventTypeId: 3007, start: '2026-06-03T12:00:00Z', attendee: ATTENDEE } as const;

async function refusal(input: CreateBookingInput): Promise<CalComValidationError> {
  const error = await clientAtFixedTime()
    .bookings.create(input)
    .catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(CalComValidationError);
  return error as CalComValidationError;
}

const posts = () => sentRequests().filter((request) => request.method === 'POST');

describe('bookings.create: location, answers and lengths', () => {
  it('sends the location, the answers with the notes, and a chosen length; Cal.com returns them', async () => {
    const client = clientAtFixedTime();
    const { booking } = await client.bookings.create({
      ...DISCOVERY,
      location: { type: 'attendeePhone', phone: '+393331234567' },
      bookingFieldsResponses: { company: 'Acme', goal: 'Pricing' },
      notes: 'Bring slides',
      lengthInMinutes: 60,
    });
    expect(posts().at(-1)?.body).toEqual({
      start: '2026-06-03T12:00:00.000Z',
      eventTypeId: 3007,
      attendee: ATTENDEE,
      location: { type: 'attendeePhone', phone: '+393331234567' },
      bookingFieldsResponses: { company: 'Acme', goal: 'Pricing', notes: 'Bring slides' },
      lengthInMinutes: 60,
    });
    expect(booking).toMatchObject({
      location: '+393331234567',
      end: '2026-06-03T13:00:00.000Z',
      notes: 'Bring slides',
      responses: { company: 'Acme', goal: 'Pricing', notes: 'Bring slides' },
    });
  });

  it("uses the organizer's address for an address location", async () => {
    const { booking } = await clientAtFixedTime().bookings.create({
      ...DISCOVERY,
      location: { type: 'address' },
      bookingFieldsResponses: { company: 'Acme' },
    });
    expect(booking.location).toBe('12 St James Square, London');
    expect(booking).not.toHaveProperty('meetingUrl');
  });

  it('names each required question left unanswered, before sending', async () => {
    for (const responses of [undefined, { goal: 'Pricing' }, { company: ' ' }]) {
      const error = await refusal({
        ...DISCOVERY,
        ...(responses === undefined ? {} : { bookingFieldsResponses: responses }),
      });
      expect(error.issues).toEqual([
        {
          path: 'bookingFieldsResponses.company',
          message:
            'event type 3007 ("Discovery call") asks "Company" (slug company) and requires an answer. Pass the answer under the slug company.',
        },
      ]);
    }
    expect(posts()).toEqual([]);
  });

  it.each([
    [
      { type: 'integration', integration: 'zoom' },
      'location.integration',
      'event type 3007 ("Discovery call") does not offer the location integration (zoom). Use one of its locations: integration (cal-video), address, link, phone, attendeePhone.',
    ],
    [
      { type: 'attendeeDefined', location: 'The pub' },
      'location.type',
      'event type 3007 ("Discovery call") does not offer the location attendeeDefined. Use one of its locations: integration (cal-video), address, link, phone, attendeePhone.',
    ],
  ])(
    'refuses the location %j the event type does not offer, listing its locations',
    async (location, path, message) => {
      const error = await refusal({
        ...DISCOVERY,
        location: location as CreateBookingInput['location'] & object,
        bookingFieldsResponses: { company: 'Acme' },
      });
      expect(error.issues).toEqual([{ path, message }]);
      expect(posts()).toEqual([]);
    },
  );

  it('tells a location on an event type without locations to leave it out', async () => {
    const client = clientAtFixedTime();
    const eventType = await client.eventTypes.get(3002);
    const { assertLocationOffered } = await import('./booking-location');
    expect(() => assertLocationOffered({ type: 'link' }, { ...eventType, locations: [] })).toThrow(
      'Invalid location.type: event type 3002 ("30 min meeting") does not offer the location link. It lists no locations: leave location out and Cal.com uses its default. Nothing was sent to Cal.com.',
    );
  });

  it.each([
    [
      'x',
      'location',
      "expected an object, got \"x\". Pass one of the event type's locations, e.g. { type: 'integration', integration: 'cal-video' }.",
    ],
    [
      { type: 'office' },
      'location.type',
      '"office" is not a location type. Use address, link, phone, organizersDefaultApp, integration, attendeeAddress, attendeePhone, attendeeDefined.',
    ],
    [
      { type: 'address', address: 'Via Roma 1' },
      'location.address',
      'is not a field of a address location. Leave it out: Cal.com uses the address the event type holds.',
    ],
    [{ type: 'attendeePhone', phone: '333' }, 'location.phone', 'is not an E.164 phone number'],
    [{ type: 'attendeeAddress', address: ' ' }, 'location.address', 'is empty or blank'],
    [
      { type: 'integration', integration: 'skype' },
      'location.integration',
      '"skype" is not a conferencing app. Use one of cal-video, google-meet, zoom',
    ],
    [{ type: 'integration', integration: 'zoom', link: 'x' }, 'location.link', 'Use only type and integration.'],
  ])('refuses the malformed location %j before any request', async (location, path, message) => {
    const error = await refusal({ ...DISCOVERY, location: location as never });
    expect(error.issues[0]?.path).toBe(path);
    expect(error.issues[0]?.message).toContain(message);
    expect(sentRequests()).toEqual([]);
  });

  it.each([
    [[], 'bookingFieldsResponses', 'expected an object, got a list'],
    [
      { company: { name: 'Acme' } },
      'bookingFieldsResponses.company',
      'is not an answer. Pass text of at most 5000 characters, a number, a boolean or a list of texts.',
    ],
    [{ topics: ['a', 2] }, 'bookingFieldsResponses.topics', 'is not an answer'],
    [{ size: Number.NaN }, 'bookingFieldsResponses.size', 'is not an answer'],
    [
      Object.fromEntries(Array.from({ length: 51 }, (_, index) => [`q${index}`, 'a'])),
      'bookingFieldsResponses',
      'has 51 answers. Pass at most 50.',
    ],
  ])('refuses the answers %j before any request', async (responses, path, message) => {
    const error = await refusal({ ...DISCOVERY, bookingFieldsResponses: responses as never });
    expect(error.issues[0]?.path).toBe(path);
    expect(error.issues[0]?.message).toContain(message);
    expect(sentRequests()).toEqual([]);
  });

  it('accepts numbers, booleans and lists of texts as answers', async () => {
    await clientAtFixedTime().bookings.create({
      ...DISCOVERY,
      bookingFieldsResponses: { company: 'Acme', size: 12, nda: true, topics: ['pricing', 'api'] },
    });
    expect(posts().at(-1)?.body).toMatchObject({
      bookingFieldsResponses: { company: 'Acme', size: 12, nda: true, topics: ['pricing', 'api'] },
    });
  });

  it('refuses notes given twice', async () => {
    const error = await refusal({ ...DISCOVERY, notes: 'a', bookingFieldsResponses: { company: 'Acme', notes: 'b' } });
    expect(error.issues).toEqual([
      { path: 'notes', message: 'is also given as bookingFieldsResponses.notes. Pass the notes once.' },
    ]);
  });

  it('refuses a length the event type does not offer, listing its lengths', async () => {
    const error = await refusal({ ...DISCOVERY, lengthInMinutes: 90, bookingFieldsResponses: { company: 'Acme' } });
    expect(error.issues).toEqual([
      {
        path: 'lengthInMinutes',
        message: '90 minutes is not a length of event type 3007 ("Discovery call"). Use one of 30, 45, 60 minutes.',
      },
    ]);
  });
});

describe('the event type checks on odd event type data', () => {
  it('skips location entries it cannot read and still lists the readable ones', async () => {
    const { assertLocationOffered } = await import('./booking-location');
    const eventType = { id: 1, title: 'T', locations: [null, 'x', { kind: 'link' }, { type: 'link' }] };
    expect(() => assertLocationOffered({ type: 'link' }, eventType)).not.toThrow();
    expect(() => assertLocationOffered({ type: 'phone' }, eventType)).toThrow('Use one of its locations: link.');
  });

  it('asks only for visible required custom questions, answered by text, a list or any other value', async () => {
    const { assertRequiredAnswered } = await import('./booking-fields');
    const eventType = {
      id: 1,
      title: 'T',
      bookingFields: [
        null,
        { label: 'no slug', required: true },
        { slug: 'name', required: true, isDefault: true },
        { slug: 'secret', required: true, hidden: true },
        { slug: 'topics', required: true },
        { slug: 'nda', required: true, label: '' },
      ],
    };
    expect(() => assertRequiredAnswered({ topics: ['a'], nda: false }, eventType)).not.toThrow();
    const error = (() => {
      try {
        assertRequiredAnswered({ topics: [], nda: null }, eventType);
      } catch (caught) {
        return caught as CalComValidationError;
      }
      return undefined;
    })();
    expect(error?.issues.map((issue) => issue.path)).toEqual([
      'bookingFieldsResponses.topics',
      'bookingFieldsResponses.nda',
    ]);
    expect(error?.issues[1]?.message).toContain('asks "nda" (slug nda)');
  });
});

describe('bookings.list: attendee name, team and sort', () => {
  it('sends attendeeName, teamId and one sort', async () => {
    const client = clientAtFixedTime();
    await client.bookings.list({ attendeeName: ' Grace ', teamId: 5001, sortStart: 'desc' });
    await client.bookings.list({ sortEnd: 'asc' });
    await client.bookings.list({ sortCreated: 'desc' });
    expect(sentRequests().map((request) => request.query)).toEqual([
      { take: '100', skip: '0', attendeeName: 'Grace', teamId: '5001', sortStart: 'desc' },
      { take: '100', skip: '0', sortEnd: 'asc' },
      { take: '100', skip: '0', sortCreated: 'desc' },
    ]);
  });

  it('returns the newest start first with sortStart desc and only the named attendee', async () => {
    const client = clientAtFixedTime();
    const starts = (await client.bookings.list({ sortStart: 'desc' })).items.map((booking) => booking.start);
    expect(starts).toEqual([...starts].sort().reverse());
    const named = await client.bookings.list({ attendeeName: 'Grace' });
    expect(named.items.length).toBeGreaterThan(0);
    expect(named.items.every((booking) => booking.attendees.some((entry) => entry.name.includes('Grace')))).toBe(true);
  });

  it.each([
    [{ attendeeName: '' }, 'attendeeName', 'is empty or blank'],
    [{ teamId: 0 }, 'teamId', 'expected a positive whole number'],
    [{ sortStart: 'up' }, 'sortStart', 'expected "asc" or "desc", got "up". Use "asc" (earliest first) or "desc".'],
    [
      { sortStart: 'asc', sortCreated: 'desc' },
      'sortCreated',
      'is given with sortStart. Sort by one of start, end or creation time.',
    ],
  ])('refuses %j before sending', async (filters, path, message) => {
    const error = await clientAtFixedTime()
      .bookings.list(filters as never)
      .catch((caught: unknown) => caught);
    expect((error as CalComValidationError).issues[0]?.path).toBe(path);
    expect((error as CalComValidationError).issues[0]?.message).toContain(message);
    expect(sentRequests()).toEqual([]);
  });
});
