import * as v from 'valibot';
import { IdSchema } from '../id';

/** Attendee DTO schema of the attendees endpoints (`BookingAttendeeWithId_2024_08_13`, `BookingAttendeeOutput_2024_08_13`). */
export const BookingAttendeeRecordDtoSchema = v.object({
  id: IdSchema,
  bookingId: v.optional(IdSchema),
  name: v.string(),
  email: v.string(),
  timeZone: v.string(),
  absent: v.optional(v.boolean(), false),
  language: v.nullish(v.string()),
  phoneNumber: v.nullish(v.string()),
});

/** Schema mapping an attendee DTO to {@link BookingAttendeeRecord}. */
export const BookingAttendeeRecordSchema = v.pipe(
  BookingAttendeeRecordDtoSchema,
  v.transform(
    (dto): BookingAttendeeRecord => ({
      id: dto.id,
      name: dto.name,
      email: dto.email,
      timeZone: dto.timeZone,
      absent: dto.absent,
      ...(dto.language ? { language: dto.language } : {}),
      ...(dto.phoneNumber ? { phoneNumber: dto.phoneNumber } : {}),
    }),
  ),
);

/** Schema of `data` of `GET /v2/bookings/{uid}/attendees`. */
export const BookingAttendeeRecordsSchema = v.array(BookingAttendeeRecordSchema);

/** An attendee of a booking as the attendees endpoints return it: with its id. */
export interface BookingAttendeeRecord {
  /** The attendee's id (for `cal.bookings.getAttendee`). */
  readonly id: number;
  /** Name; empty for a guest added by email only. */
  readonly name: string;
  /** Email address. */
  readonly email: string;
  /** IANA time zone. */
  readonly timeZone: string;
  /** Whether the attendee was marked absent (no-show). */
  readonly absent: boolean;
  /** Language (a Cal.com locale), when set. */
  readonly language?: string;
  /** Phone number, when set. */
  readonly phoneNumber?: string;
}

/** An "Add to calendar" link of a booking (`CalendarLink`). */
export interface CalendarLink {
  /** The calendar service, e.g. `Google`, `Microsoft Outlook`, `ICS`. */
  readonly label: string;
  /** The URL (a `data:` URL for the ICS file). */
  readonly link: string;
}

/** Schema of `data` of `GET /v2/bookings/{uid}/calendar-links`. */
export const CalendarLinksSchema = v.array(
  v.pipe(
    v.object({ label: v.string(), link: v.string() }),
    v.transform((dto): CalendarLink => ({ label: dto.label, link: dto.link })),
  ),
);
