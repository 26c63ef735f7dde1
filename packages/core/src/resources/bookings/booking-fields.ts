import { CalComValidationError, type ValidationIssue } from '../../errors/validation-error';
import { MAX_NOTE_LENGTH } from '../../models/input';
import { describeValue, invalidField } from '../common/validate';
import { assertLocationOffered } from './booking-location';

/** An answer to a booking question: text, a number, a yes/no, or the options picked. */
export type BookingFieldResponse = string | number | boolean | readonly string[];

/** The most answers a booking carries (a guard against runaway input; Cal.com documents no limit). */
const MAX_RESPONSES = 50;

/** A booking question of an event type, as far as the checks need it (`bookingFields` of the event type output). */
interface BookingQuestion {
  readonly slug: string;
  readonly label: string;
  readonly required: boolean;
  readonly custom: boolean;
}

function isAnswer(value: unknown): value is BookingFieldResponse {
  if (typeof value === 'string') return value.length <= MAX_NOTE_LENGTH;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'boolean') return true;
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string' && entry.length <= MAX_NOTE_LENGTH);
}

/**
 * Checks the shape of `bookingFieldsResponses` (no request needed): an object of at most 50 answers keyed by booking
 * field slug, each text (at most 5000 characters), a number, a boolean or a list of texts.
 *
 * @param responses The caller's answers.
 * @returns The answers to send.
 */
export function checkResponses(responses: unknown): Record<string, BookingFieldResponse> {
  if (typeof responses !== 'object' || responses === null || Array.isArray(responses)) {
    throw invalidField(
      'bookingFieldsResponses',
      `expected an object, got ${Array.isArray(responses) ? 'a list' : describeValue(responses)}`,
      "Pass the answers keyed by the booking field's slug, e.g. { company: 'Acme' }.",
    );
  }
  const entries = Object.entries(responses);
  if (entries.length > MAX_RESPONSES) {
    throw invalidField('bookingFieldsResponses', `has ${entries.length} answers`, `Pass at most ${MAX_RESPONSES}.`);
  }
  for (const [slug, value] of entries) {
    if (!isAnswer(value)) {
      throw invalidField(
        `bookingFieldsResponses.${slug}`,
        `${describeValue(value)} is not an answer`,
        `Pass text of at most ${MAX_NOTE_LENGTH} characters, a number, a boolean or a list of texts.`,
      );
    }
  }
  return responses as Record<string, BookingFieldResponse>;
}

function questionOf(entry: unknown): BookingQuestion | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const field = entry as { slug?: unknown; label?: unknown; required?: unknown; hidden?: unknown; isDefault?: unknown };
  if (typeof field.slug !== 'string' || field.hidden === true) return undefined;
  return {
    slug: field.slug,
    label: typeof field.label === 'string' && field.label !== '' ? field.label : field.slug,
    required: field.required === true,
    custom: field.isDefault !== true,
  };
}

function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/**
 * Refuses, before sending, a booking that leaves a required custom question of the event type unanswered: one issue
 * per question, each naming its label and slug (`bookingFieldsResponses.company`).
 *
 * @param responses The checked answers (`{}` when none).
 * @param eventType The booked event type's id, title and booking fields.
 */
export function assertRequiredAnswered(
  responses: Readonly<Record<string, unknown>>,
  eventType: { readonly id: number; readonly title: string; readonly bookingFields: readonly unknown[] },
): void {
  const missing = eventType.bookingFields
    .map(questionOf)
    .filter((question): question is BookingQuestion => question?.required === true && question.custom)
    .filter((question) => !isAnswered(responses[question.slug]));
  if (missing.length === 0) return;
  const issues: ValidationIssue[] = missing.map((question) => ({
    path: `bookingFieldsResponses.${question.slug}`,
    message: `event type ${eventType.id} ("${eventType.title}") asks "${question.label}" (slug ${question.slug}) and requires an answer. Pass the answer under the slug ${question.slug}.`,
  }));
  const lines = issues.map((issue) => `Invalid ${issue.path}: ${issue.message}`);
  throw new CalComValidationError(`${lines.join(' ')} Nothing was sent to Cal.com.`, issues);
}

/**
 * The checks of a create that need the event type: the location is one it offers and every required custom question is
 * answered.
 *
 * @param body The request body so far (`location`, `bookingFieldsResponses`).
 * @param eventType The booked event type.
 */
export function assertFitsEventType(
  body: Readonly<Record<string, unknown>>,
  eventType: {
    readonly id: number;
    readonly title: string;
    readonly locations: readonly unknown[];
    readonly bookingFields: readonly unknown[];
  },
): void {
  if (body.location !== undefined) assertLocationOffered(body.location as Record<string, string>, eventType);
  assertRequiredAnswered((body.bookingFieldsResponses ?? {}) as Record<string, unknown>, eventType);
}
