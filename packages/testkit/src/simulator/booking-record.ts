import type { BookingAttendee, BookingOutput, BookingStatus } from '../dto/booking';
import type { EventTypeOutput } from '../dto/event-type';
import { buildBooking } from '../fixtures/booking';
import { generateUid } from './random';
import { bookingHost } from './team-scheduling';
import type { SimulatorData, SimulatorUser } from './types';

/** Input of {@link createBookingRecord}. */
export interface BookingRecordInput {
  eventType: EventTypeOutput;
  host: SimulatorUser;
  /** Every host of the booking (a team event's assigned hosts); `[host]` when omitted. */
  hosts?: readonly SimulatorUser[];
  start: number;
  lengthInMinutes?: number;
  attendee: {
    name: string;
    email?: string;
    timeZone: string;
    language?: BookingAttendee['language'];
    phoneNumber?: string;
  };
  status: BookingStatus;
  createdAt: Date;
  guests?: string[];
  metadata?: Record<string, unknown>;
  /** Submitted booking-field responses; merged over the stored `name`/`email` like Cal.com does. */
  responses?: Record<string, unknown>;
  /** Where the meeting happens (an address, link, phone, app); the Cal Video link (`meetingUrl`) when omitted. */
  location?: string;
  extra?: Partial<BookingOutput>;
}

/**
 * Creates a booking, stores it in the state and returns it.
 *
 * @param data The state.
 * @param input The booking details.
 * @returns The stored booking.
 */
export function createBookingRecord(data: SimulatorData, input: BookingRecordInput): BookingOutput {
  const uid = generateUid(data.random);
  const length = input.lengthInMinutes ?? input.eventType.lengthInMinutes;
  const email = input.attendee.email ?? '';
  const attendee: BookingAttendee = {
    name: input.attendee.name,
    email,
    displayEmail: email,
    timeZone: input.attendee.timeZone,
    absent: false,
    ...(input.attendee.language === undefined ? {} : { language: input.attendee.language }),
    ...(input.attendee.phoneNumber === undefined ? {} : { phoneNumber: input.attendee.phoneNumber }),
  };
  const meetingUrl = `https://app.cal.com/video/${uid}`;
  const booking = buildBooking({
    id: data.nextIds.booking++,
    uid,
    title: `${input.eventType.title} between ${input.host.name ?? input.host.username} and ${attendee.name}`,
    description: '',
    hosts: (input.hosts ?? [input.host]).map(bookingHost),
    status: input.status,
    start: new Date(input.start).toISOString(),
    end: new Date(input.start + length * 60_000).toISOString(),
    duration: length,
    eventTypeId: input.eventType.id,
    eventType: { id: input.eventType.id, slug: input.eventType.slug },
    meetingUrl,
    location: input.location ?? meetingUrl,
    createdAt: input.createdAt.toISOString(),
    updatedAt: input.createdAt.toISOString(),
    metadata: input.metadata ?? {},
    attendees: [attendee],
    guests: input.guests ?? [],
    bookingFieldsResponses: { name: attendee.name, ...(email === '' ? {} : { email }), ...input.responses },
    ...input.extra,
  });
  // Only a Cal Video booking has the video link.
  if (input.location !== undefined) delete booking.meetingUrl;
  data.bookings.push(booking);
  return booking;
}
