import {
  describeValue,
  invalidField,
  requireEmail,
  requireLocale,
  requireText,
  requireTimeZone,
} from '../common/validate';
import type { BookingAttendeeInput } from './booking-types';

/**
 * Checks the attendee of a new booking.
 *
 * @param attendee The attendee.
 * @returns The attendee body.
 */
export function validateAttendee(
  attendee: BookingAttendeeInput,
): Record<string, string> & { email: string; timeZone: string } {
  if (typeof attendee !== 'object' || attendee === null) {
    throw invalidField(
      'attendee',
      `expected an object, got ${describeValue(attendee)}`,
      'Pass { name, email, timeZone }.',
    );
  }
  const body: Record<string, string> & { email: string; timeZone: string } = {
    name: requireText(attendee.name, 'attendee.name', 255),
    email: requireEmail(attendee.email, 'attendee.email'),
    timeZone: requireTimeZone(attendee.timeZone, 'attendee.timeZone'),
  };
  if (attendee.language !== undefined) {
    body.language = requireLocale(attendee.language, 'attendee.language', 'language');
  }
  if (attendee.phoneNumber !== undefined) {
    if (typeof attendee.phoneNumber !== 'string' || !/^\+[1-9]\d{6,14}$/.test(attendee.phoneNumber)) {
      throw invalidField(
        'attendee.phoneNumber',
        `${describeValue(attendee.phoneNumber)} is not an E.164 phone number`,
        'Use the international format, e.g. +393331234567.',
      );
    }
    body.phoneNumber = attendee.phoneNumber;
  }
  return body;
}

/**
 * Checks booking metadata against Cal.com's limits.
 *
 * @param metadata The metadata.
 * @returns The metadata.
 */
export function validateMetadata(metadata: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    throw invalidField('metadata', `expected an object, got ${describeValue(metadata)}`, 'Pass a plain object.');
  }
  const entries = Object.entries(metadata);
  if (entries.length > 50) {
    throw invalidField('metadata', `has ${entries.length} keys`, 'Keep at most 50 keys.');
  }
  for (const [key, value] of entries) {
    if (key.length > 40) {
      throw invalidField(
        `metadata.${key}`,
        `the key is ${key.length} characters long`,
        'Use keys of at most 40 characters.',
      );
    }
    if (typeof value === 'string' ? value.length > 500 : typeof value !== 'number' && typeof value !== 'boolean') {
      throw invalidField(
        `metadata.${key}`,
        `${describeValue(value)} is not a string of at most 500 characters, a number or a boolean`,
        'Shorten or convert the value.',
      );
    }
  }
  return metadata;
}
