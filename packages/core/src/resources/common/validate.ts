import { CalComValidationError } from '../../errors/validation-error';
import { checkTimeZone, toUtcIso } from '../../models/time';
import { CAL_COM_LOCALES, type CalComLocale } from '../../models/user';

/**
 * Creates the error for one invalid input field; nothing is sent.
 *
 * @param path The dotted field path.
 * @param problem What is wrong with the value.
 * @param fix How to fix it.
 * @returns The validation error.
 */
export function invalidField(path: string, problem: string, fix: string): CalComValidationError {
  return new CalComValidationError(`Invalid ${path}: ${problem}. ${fix} Nothing was sent to Cal.com.`, [
    { path, message: `${problem}. ${fix}` },
  ]);
}

/**
 * Describes a value for an error message without echoing long input.
 *
 * @param value The value.
 * @returns A short description.
 */
export function describeValue(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Checks a positive whole number (a Cal.com id or a count): a safe integer, so `1e308` is refused like `NaN`, `-0`
 * and fractions.
 *
 * @param value The value.
 * @param path The field path.
 * @returns The number.
 */
export function requirePositiveInteger(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw invalidField(
      path,
      `expected a positive whole number, got ${describeValue(value)}`,
      `Pass the numeric id, e.g. 123.`,
    );
  }
  return value;
}

/**
 * Checks a whole number within bounds.
 *
 * @param value The value.
 * @param path The field path.
 * @param minimum The smallest allowed value.
 * @param maximum The largest allowed value.
 * @returns The number.
 */
export function requireIntegerInRange(value: unknown, path: string, minimum: number, maximum: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum || value > maximum) {
    throw invalidField(
      path,
      `expected a whole number from ${minimum} to ${maximum}, got ${describeValue(value)}`,
      `Use a value between ${minimum} and ${maximum}.`,
    );
  }
  return value;
}

/**
 * Checks a non-empty string.
 *
 * @param value The value.
 * @param path The field path.
 * @param maximumLength The longest allowed length.
 * @returns The trimmed string.
 */
export function requireText(value: unknown, path: string, maximumLength = 1000): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalidField(path, `expected a non-empty string, got ${describeValue(value)}`, `Pass some text.`);
  }
  if (value.length > maximumLength) {
    throw invalidField(
      path,
      `is ${value.length} characters long`,
      `Shorten it to at most ${maximumLength} characters.`,
    );
  }
  return value.trim();
}

/**
 * Checks an email address.
 *
 * @param value The value.
 * @param path The field path.
 * @returns The email address.
 */
export function requireEmail(value: unknown, path: string): string {
  if (typeof value !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim())) {
    throw invalidField(
      path,
      `expected an email address, got ${describeValue(value)}`,
      'Pass an address like ann@example.com.',
    );
  }
  return value.trim();
}

/**
 * Checks a time zone under calcom-int's one rule ({@link checkTimeZone}) and gives its IANA name (`america/new_york` →
 * `America/New_York`, `US/Eastern` → `America/New_York`).
 *
 * @param value The value.
 * @param path The field path.
 * @returns The IANA name to send.
 */
export function requireTimeZone(value: unknown, path: string): string {
  const check = checkTimeZone(value);
  if (!check.ok) throw invalidField(path, check.problem, check.fix);
  return check.timeZone;
}

/**
 * Checks one of Cal.com's locales (an attendee's language, a user's locale).
 *
 * @param value The value.
 * @param path The field path.
 * @param noun What the field is called in the message: `language` or `locale`.
 * @returns The locale.
 */
export function requireLocale(value: unknown, path: string, noun: 'language' | 'locale'): CalComLocale {
  if (!(CAL_COM_LOCALES as readonly unknown[]).includes(value)) {
    throw invalidField(
      path,
      `${describeValue(value)} is not a ${noun} Cal.com supports`,
      `Use one of ${CAL_COM_LOCALES.join(', ')}.`,
    );
  }
  return value as CalComLocale;
}

/**
 * Checks a time (ISO 8601 with offset or `Z`, or a `Date`) and converts it to UTC.
 *
 * @param value The value.
 * @param path The field path.
 * @returns The ISO 8601 UTC string.
 */
export function requireTime(value: unknown, path: string): string {
  const utc = typeof value === 'string' || value instanceof Date ? toUtcIso(value) : undefined;
  if (utc === undefined) {
    throw invalidField(
      path,
      `${describeValue(value)} is not an ISO 8601 time with an offset`,
      'Use a time like "2026-05-04T09:00:00+02:00" or "2026-05-04T07:00:00Z", or a Date.',
    );
  }
  return utc;
}

/**
 * Checks that a range is not empty.
 *
 * @param start The start (UTC ISO).
 * @param end The end (UTC ISO).
 * @param path The field path of the end.
 */
export function requireOrderedRange(start: string, end: string, path: string): void {
  if (Date.parse(end) <= Date.parse(start)) {
    throw invalidField(path, `${end} is not after the start ${start}`, 'Pass an end later than the start.');
  }
}
