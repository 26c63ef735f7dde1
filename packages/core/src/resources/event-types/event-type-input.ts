import * as v from 'valibot';
import type { EventType } from '../../models/event-type';
import {
  IdInputSchema,
  integerInputSchema,
  LengthInMinutesInputSchema,
  MAX_NAME_LENGTH,
  textInputSchema,
} from '../../models/input';
import { describeValue, invalidField, parseField } from '../common/validate';

// The params of creating and updating an event type, and their checks: the body is built from the checked fields only.

/** Params of `cal.eventTypes.create`; the owner is the authenticated user. */
export interface CreateEventTypeInput {
  /** The title shown to bookers. */
  readonly title: string;
  /** The URL slug: lowercase letters, digits and `-`, unique among the owner's event types. */
  readonly slug: string;
  /** The length in minutes, 1–1440. */
  readonly lengthInMinutes: number;
  /** The description. */
  readonly description?: string;
  /** Other lengths a booker may pick (minutes, each 1–1440). */
  readonly lengthInMinutesOptions?: number[];
  /** Whether the event type is hidden from the public profile. */
  readonly hidden?: boolean;
  /** Minimum notice before a booking, in minutes. */
  readonly minimumBookingNotice?: number;
  /** Buffer before each booking, in minutes. */
  readonly beforeEventBuffer?: number;
  /** Buffer after each booking, in minutes. */
  readonly afterEventBuffer?: number;
  /** Interval between slot starts, in minutes. */
  readonly slotInterval?: number;
  /** The schedule id to use instead of the default schedule. */
  readonly scheduleId?: number;
}

/** Params of `cal.eventTypes.update`; only the given fields are sent. */
export type UpdateEventTypeInput = Partial<CreateEventTypeInput>;

const SLUG_PATTERN = /^[a-z0-9-]+$/;

/** Tells whether an event type has every value of a create or update body (arrays compared item by item). */
export function hasValues(eventType: EventType, body: Record<string, unknown>): boolean {
  const fields = eventType as unknown as Record<string, unknown>;
  return Object.entries(body).every(([key, value]) => JSON.stringify(fields[key]) === JSON.stringify(value));
}

/** Checks event type fields and builds the body of the given ones. */
export function validateEventTypeFields(input: UpdateEventTypeInput, requireAll: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (requireAll || input.title !== undefined) {
    body.title = parseField(textInputSchema(MAX_NAME_LENGTH), input.title, 'title').trim();
  }
  if (requireAll || input.slug !== undefined) {
    if (typeof input.slug !== 'string' || !SLUG_PATTERN.test(input.slug)) {
      throw invalidField(
        'slug',
        `${describeValue(input.slug)} is not a valid slug`,
        'Use only lowercase letters, digits and "-", e.g. "intro-call".',
      );
    }
    body.slug = input.slug;
  }
  if (requireAll || input.lengthInMinutes !== undefined) {
    body.lengthInMinutes = parseField(LengthInMinutesInputSchema, input.lengthInMinutes, 'lengthInMinutes');
  }
  if (input.description !== undefined) {
    if (typeof input.description !== 'string') {
      throw invalidField('description', `expected a string, got ${describeValue(input.description)}`, 'Pass text.');
    }
    body.description = input.description;
  }
  if (input.lengthInMinutesOptions !== undefined) {
    if (!Array.isArray(input.lengthInMinutesOptions) || input.lengthInMinutesOptions.length === 0) {
      throw invalidField('lengthInMinutesOptions', 'expected a non-empty list of minutes', 'Pass e.g. [15, 30, 60].');
    }
    body.lengthInMinutesOptions = parseField(
      v.array(LengthInMinutesInputSchema),
      input.lengthInMinutesOptions,
      'lengthInMinutesOptions',
    );
  }
  if (
    body.lengthInMinutesOptions !== undefined &&
    body.lengthInMinutes !== undefined &&
    !(body.lengthInMinutesOptions as number[]).includes(body.lengthInMinutes as number)
  ) {
    throw invalidField(
      'lengthInMinutesOptions',
      `does not include lengthInMinutes (${String(body.lengthInMinutes)})`,
      'Add lengthInMinutes to the options, as Cal.com requires.',
    );
  }
  if (input.hidden !== undefined) {
    if (typeof input.hidden !== 'boolean') {
      throw invalidField('hidden', `expected true or false, got ${describeValue(input.hidden)}`, 'Pass a boolean.');
    }
    body.hidden = input.hidden;
  }
  for (const field of ['minimumBookingNotice', 'beforeEventBuffer', 'afterEventBuffer'] as const) {
    if (input[field] !== undefined) body[field] = parseField(integerInputSchema(0, 525_600), input[field], field);
  }
  if (input.slotInterval !== undefined) {
    body.slotInterval = parseField(LengthInMinutesInputSchema, input.slotInterval, 'slotInterval');
  }
  if (input.scheduleId !== undefined) body.scheduleId = parseField(IdInputSchema, input.scheduleId, 'scheduleId');
  return body;
}
