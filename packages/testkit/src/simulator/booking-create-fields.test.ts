import { describe, expect, it } from 'vitest';
import { callSimulator } from '../../test/support/call-simulator';
import type { BookingOutput } from '../dto/booking';
import { buildEventType } from '../fixtures/event-type';
import { bookingLocation, requireAnswers } from './booking-create-fields';
import { createCalComSimulator } from './create-simulator';

const NOW = new Date('2026-03-25T06:00:00.000Z');
const attendee = { name: 'Lin Wei', email: 'lin@example.com', timeZone: 'Asia/Taipei' };
/** The seeded discovery call: 30/45/60 min, five locations, a required "Company" question. */
const DISCOVERY = 3007;

function setup() {
  const simulator = createCalComSimulator({ now: () => NOW });
  const book = (body: Record<string, unknown>) =>
    callSimulator(simulator, 'POST', '/v2/bookings', {
      version: '2024-08-13',
      body: {
        eventTypeId: DISCOVERY,
        start: '2026-03-26T10:00:00Z',
        attendee,
        bookingFieldsResponses: { company: 'Acme' },
        ...body,
      },
    });
  return { simulator, book };
}

const booking = (json: unknown) => (json as { data: BookingOutput }).data;
const message = (json: unknown) => (json as { error: { message: string } }).error.message;

describe('POST /v2/bookings: location', () => {
  it.each([
    [{ type: 'address' }, '12 St James Square, London'],
    [{ type: 'link' }, 'https://meet.example.com/ada'],
    [{ type: 'phone' }, '+442071234567'],
    [{ type: 'attendeePhone', phone: '+886912345678' }, '+886912345678'],
  ])('stores %j as the location, without a video link', async (location, expected) => {
    const result = await setup().book({ location });
    expect(result.status).toBe(201);
    expect(booking(result.json).location).toBe(expected);
    expect(booking(result.json)).not.toHaveProperty('meetingUrl');
  });

  it('keeps the Cal Video link for the cal-video integration and when no location is given (its first location)', async () => {
    const { book } = setup();
    for (const [start, extra] of [
      ['2026-03-26T10:00:00Z', { location: { type: 'integration', integration: 'cal-video' } }],
      ['2026-03-26T11:00:00Z', {}],
    ] as const) {
      const created = booking((await book({ start, ...extra })).json);
      expect(created.location).toBe(`https://app.cal.com/video/${created.uid}`);
      expect(created.meetingUrl).toBe(created.location);
    }
  });

  it('keeps an address location when the booking is rescheduled', async () => {
    const { simulator, book } = setup();
    const created = booking((await book({ location: { type: 'address' } })).json);
    const moved = await callSimulator(simulator, 'POST', `/v2/bookings/${created.uid}/reschedule`, {
      version: '2024-08-13',
      body: { start: '2026-03-26T12:00:00Z' },
    });
    expect(booking(moved.json).location).toBe('12 St James Square, London');
  });

  it.each([
    [
      { type: 'integration', integration: 'zoom' },
      'Location integration (zoom) is not one of the locations of event type 3007: integration (cal-video), address, link, phone, attendeePhone.',
    ],
    [
      { type: 'attendeeAddress', address: '1 Main St' },
      'Location attendeeAddress is not one of the locations of event type 3007: integration (cal-video), address, link, phone, attendeePhone.',
    ],
    [
      { type: 'office' },
      'location.type must be one of: address, attendeeAddress, attendeeDefined, attendeePhone, integration, link, phone, organizersDefaultApp; got "office"',
    ],
    [{ type: 'attendeePhone' }, 'location.phone must be a non-empty string'],
    [{ type: 'integration', integration: 'skype' }, 'location.integration must be one of the following values: '],
  ])('refuses the location %j with 400', async (location, expected) => {
    const result = await setup().book({ location });
    expect(result.status).toBe(400);
    expect(message(result.json)).toContain(expected);
  });

  it('refuses a location that is not an object', async () => {
    const result = await setup().book({ location: 'London' });
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.json)).toContain('location must be an object');
  });

  it('refuses any location of an event type without locations', async () => {
    const { simulator, book } = setup();
    const eventType = simulator.state.eventTypes.find((candidate) => candidate.id === 3002);
    expect(eventType?.locations).toEqual([{ type: 'integration', integration: 'cal-video' }]);
    const result = await book({ eventTypeId: 3002, location: { type: 'address' }, bookingFieldsResponses: undefined });
    expect(message(result.json)).toBe(
      'Location address is not one of the locations of event type 3002: integration (cal-video).',
    );
  });
});

describe('POST /v2/bookings: booking fields, lengths, guests and metadata', () => {
  it('refuses a booking without the required custom question, naming it', async () => {
    const { simulator, book } = setup();
    for (const responses of [undefined, { goal: 'Pricing' }, { company: '  ' }]) {
      const result = await book({ bookingFieldsResponses: responses });
      expect(result.status).toBe(400);
      expect(message(result.json)).toBe(
        'Missing required booking field responses: company ("Company"). Pass them in bookingFieldsResponses.',
      );
    }
    expect(simulator.state.bookings.filter((entry) => entry.eventTypeId === DISCOVERY)).toEqual([]);
  });

  it('returns the answers, guests, metadata and chosen length', async () => {
    const result = await setup().book({
      bookingFieldsResponses: { company: 'Acme', goal: 'Pricing', notes: 'Bring slides' },
      guests: ['bo@example.com'],
      metadata: { crmId: 'A-17' },
      lengthInMinutes: 45,
      start: '2026-03-26T09:30:00Z',
    });
    expect(booking(result.json)).toMatchObject({
      duration: 45,
      end: '2026-03-26T10:15:00.000Z',
      guests: ['bo@example.com'],
      metadata: { crmId: 'A-17' },
      bookingFieldsResponses: {
        name: 'Lin Wei',
        email: 'lin@example.com',
        company: 'Acme',
        goal: 'Pricing',
        notes: 'Bring slides',
      },
    });
  });

  it('refuses a length the event type does not offer', async () => {
    const result = await setup().book({ lengthInMinutes: 90 });
    expect(message(result.json)).toBe("lengthInMinutes 90 is not one of the event type's lengths: 30, 45, 60");
  });
});

describe('bookingLocation and requireAnswers on other event type setups', () => {
  it("stores an app's internal location type, and the video link for an event type without locations", () => {
    const apps = buildEventType({
      locations: [
        { type: 'integration', integration: 'zoom' },
        { type: 'integration', integration: 'jitsi' },
      ],
    });
    expect(bookingLocation(apps, undefined)).toBe('integrations:zoom');
    expect(bookingLocation(apps, { type: 'integration', integration: 'jitsi' })).toBe('integrations:jitsi');
    expect(bookingLocation(buildEventType({ locations: [] }), undefined)).toBeUndefined();
  });

  it('takes a list with an entry or any non-empty value as an answer', () => {
    const eventType = buildEventType({
      bookingFields: [
        { type: 'multiselect', slug: 'topics', label: 'Topics', placeholder: '', required: true, isDefault: false },
      ],
    });
    expect(() => requireAnswers(eventType, { topics: ['api'] })).not.toThrow();
    expect(() => requireAnswers(eventType, { topics: 3 })).not.toThrow();
    for (const topics of [[], null]) {
      expect(() => requireAnswers(eventType, { topics })).toThrow('Missing required booking field responses: topics');
    }
  });
});
