/** Languages accepted for attendees and user locales (enum of the spec). */
export const LOCALES = [
  'ar',
  'ca',
  'de',
  'es',
  'eu',
  'he',
  'id',
  'ja',
  'lv',
  'pl',
  'ro',
  'sr',
  'th',
  'vi',
  'az',
  'cs',
  'el',
  'es-419',
  'fi',
  'hr',
  'it',
  'km',
  'nl',
  'pt',
  'ru',
  'sv',
  'tr',
  'zh-CN',
  'bg',
  'da',
  'en',
  'et',
  'fr',
  'hu',
  'iw',
  'ko',
  'no',
  'pt-BR',
  'sk',
  'ta',
  'uk',
  'zh-TW',
  'bn',
] as const;

/** A locale of {@link LOCALES}. */
export type Locale = (typeof LOCALES)[number];

/** Booking status values (`BookingOutput_2024_08_13.status`). */
export type BookingStatus = 'cancelled' | 'accepted' | 'rejected' | 'pending';

/** Host of a booking (`BookingHost`). */
export interface BookingHost {
  id: number;
  name: string;
  email: string;
  displayEmail: string;
  username: string;
  timeZone: string;
}

/** Attendee of a booking (`BookingAttendee`). */
export interface BookingAttendee {
  name: string;
  email: string;
  displayEmail: string;
  timeZone: string;
  language?: Locale;
  absent: boolean;
  phoneNumber?: string;
}

/** A booking (`BookingOutput_2024_08_13`). */
export interface BookingOutput {
  id: number;
  uid: string;
  title: string;
  description: string;
  hosts: BookingHost[];
  status: BookingStatus;
  cancellationReason?: string;
  cancelledByEmail?: string;
  reschedulingReason?: string;
  rescheduledByEmail?: string;
  rescheduledFromUid?: string;
  rescheduledToUid?: string;
  start: string;
  end: string;
  duration: number;
  eventTypeId: number;
  eventType: { id: number; slug: string };
  meetingUrl?: string;
  location: string;
  absentHost: boolean;
  createdAt: string;
  updatedAt: string;
  metadata?: Record<string, string>;
  rating?: number;
  icsUid?: string;
  attendees: BookingAttendee[];
  guests?: string[];
  bookingFieldsResponses: Record<string, unknown>;
}
