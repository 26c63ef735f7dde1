import * as v from 'valibot';
import {
  MAX_NAME_LENGTH,
  ScheduleAvailabilityInputSchema,
  ScheduleOverrideInputSchema,
  TimeZoneInputSchema,
  textInputSchema,
} from '../../models/input';
import type { Schedule } from '../../models/schedule';
import type { Weekday } from '../../models/user';
import { describeValue, invalidField, parseField } from '../common/validate';

// The params of `cal.schedules.create` and `update`, their checks, and how a read-back shows them.

const AVAILABILITY_LIST =
  'expected a list of weekly rules. Pass e.g. [{ "days": ["Monday"], "startTime": "09:00", "endTime": "17:00" }].';
const OVERRIDES_LIST =
  'expected a list of date overrides. Pass e.g. [{ "date": "2026-12-24", "startTime": "09:00", "endTime": "12:00" }].';

/** One weekly rule of a schedule: the days and the hours (`HH:MM`, 24-hour) on them. */
export interface ScheduleAvailabilityInput {
  /** The days, e.g. `['Monday', 'Tuesday']`. */
  readonly days: readonly Weekday[];
  /** The start, `HH:MM`. */
  readonly startTime: string;
  /** The end, `HH:MM`, after the start. */
  readonly endTime: string;
}

/** One date override of a schedule: the hours on that date instead of the weekly ones. */
export interface ScheduleOverrideInput {
  /** The date, `YYYY-MM-DD`. */
  readonly date: string;
  /** The start, `HH:MM`. */
  readonly startTime: string;
  /** The end, `HH:MM`, after the start. */
  readonly endTime: string;
}

/** Params of `cal.schedules.create` (`CreateScheduleInput_2024_06_11`). */
export interface CreateScheduleInput {
  /** The name, e.g. `Catch up hours`. */
  readonly name: string;
  /** The IANA time zone the hours are in. */
  readonly timeZone: string;
  /** Whether it becomes the default schedule (used by event types without their own). */
  readonly isDefault: boolean;
  /** The weekly hours; Cal.com's default is Monday to Friday 09:00–17:00. */
  readonly availability?: readonly ScheduleAvailabilityInput[];
  /** Date overrides. */
  readonly overrides?: readonly ScheduleOverrideInput[];
}

/** Params of `cal.schedules.update`; only the given fields are sent, and a given list replaces the old one. */
export type UpdateScheduleInput = Partial<CreateScheduleInput>;

/** Tells whether a schedule shows every value of an update body. */
export function scheduleMatches(schedule: Schedule, body: Record<string, unknown>): boolean {
  const fields = schedule as unknown as Record<string, unknown>;
  return Object.entries(body).every(([key, value]) => JSON.stringify(fields[key]) === JSON.stringify(value));
}

/**
 * Checks schedule fields and builds the body of the given ones.
 *
 * @param requireAll Whether name, timeZone and isDefault are required (create).
 */
export function validateScheduleFields(input: UpdateScheduleInput, requireAll: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (requireAll || input.name !== undefined) {
    body.name = parseField(textInputSchema(MAX_NAME_LENGTH), input.name, 'name').trim();
  }
  if (requireAll || input.timeZone !== undefined) {
    body.timeZone = parseField(TimeZoneInputSchema, input.timeZone, 'timeZone');
  }
  if (requireAll || input.isDefault !== undefined) {
    if (typeof input.isDefault !== 'boolean') {
      throw invalidField(
        'isDefault',
        `expected true or false, got ${describeValue(input.isDefault)}`,
        'Pass a boolean.',
      );
    }
    body.isDefault = input.isDefault;
  }
  if (input.availability !== undefined) {
    body.availability = parseField(
      v.array(ScheduleAvailabilityInputSchema, AVAILABILITY_LIST),
      input.availability,
      'availability',
    );
  }
  if (input.overrides !== undefined) {
    body.overrides = parseField(v.array(ScheduleOverrideInputSchema, OVERRIDES_LIST), input.overrides, 'overrides');
  }
  return body;
}
