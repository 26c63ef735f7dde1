import {
  CalendarDateInputSchema,
  CLOCK_RANGE_PROBLEM,
  ClockTimeInputSchema,
  MAX_NAME_LENGTH,
  textInputSchema,
  WeekdaysInputSchema,
} from '@calcom-int/core/schemas';
import * as v from 'valibot';

/** A weekly rule of a schedule as the tools take it: `{ days, start_time, end_time }`. */
export const WeeklyHoursSchema = v.pipe(
  v.strictObject({
    days: WeekdaysInputSchema,
    start_time: ClockTimeInputSchema,
    end_time: ClockTimeInputSchema,
  }),
  v.forward(
    v.check((rule) => rule.start_time < rule.end_time, CLOCK_RANGE_PROBLEM),
    ['end_time'],
  ),
);

/** A date override of a schedule as the tools take it: `{ date, start_time, end_time }`. */
export const DateOverrideSchema = v.pipe(
  v.strictObject({
    date: CalendarDateInputSchema,
    start_time: ClockTimeInputSchema,
    end_time: ClockTimeInputSchema,
  }),
  v.forward(
    v.check((rule) => rule.start_time < rule.end_time, CLOCK_RANGE_PROBLEM),
    ['end_time'],
  ),
);

/** The weekly hours field of the schedule tools. */
export const weeklyHoursField = v.optional(
  v.pipe(
    v.array(WeeklyHoursSchema, 'expected a list of { days, start_time, end_time }.'),
    v.maxLength(50, 'has more than 50 rules. Merge days that share hours.'),
    v.description('Weekly hours (24-hour HH:MM, in time_zone); replaces the old ones.'),
  ),
);

/** The date overrides field of the schedule tools. */
export const dateOverridesField = v.optional(
  v.pipe(
    v.array(DateOverrideSchema, 'expected a list of { date, start_time, end_time }.'),
    v.maxLength(366, 'has more than 366 overrides.'),
    v.description('Hours on given dates instead of the weekly ones; replaces the old ones.'),
  ),
);

/** A schedule name. */
export const ScheduleNameSchema = textInputSchema(MAX_NAME_LENGTH);

/**
 * Turns the tools' snake_case rules into the client's camelCase ones.
 *
 * @param rules The rules.
 * @returns The client's rules.
 */
export function toClientRules<T extends { readonly start_time: string; readonly end_time: string }>(
  rules: readonly T[],
): (Omit<T, 'start_time' | 'end_time'> & { startTime: string; endTime: string })[] {
  return rules.map(({ start_time, end_time, ...rest }) => ({ ...rest, startTime: start_time, endTime: end_time }));
}
