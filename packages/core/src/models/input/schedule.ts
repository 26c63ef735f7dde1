import * as v from 'valibot';
import { WEEK_DAYS } from '../../generated/spec-facts.generated';
import { describeValue } from './describe-value';
import { isRealInstant } from './time';

const CLOCK_FIX = 'Use a 24-hour time "HH:MM", e.g. "09:00" or "17:30".';
const CLOCK_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A wall-clock time of a schedule, `HH:MM` on a 24-hour clock (`00:00` … `23:59`). */
export const ClockTimeInputSchema = v.pipe(
  v.string((issue) => `expected a time "HH:MM" (a string), got ${describeValue(issue.input)}. ${CLOCK_FIX}`),
  v.regex(CLOCK_PATTERN, (issue) => `${describeValue(issue.input)} is not a time "HH:MM". ${CLOCK_FIX}`),
);

/** A calendar date `YYYY-MM-DD` that exists (no 2026-02-30). */
export const CalendarDateInputSchema = v.pipe(
  v.string((issue) => `expected a date "YYYY-MM-DD" (a string), got ${describeValue(issue.input)}.`),
  v.regex(DATE_PATTERN, (issue) => `${describeValue(issue.input)} is not a date "YYYY-MM-DD", e.g. "2026-12-24".`),
  v.check(isRealInstant, (issue) => `${describeValue(issue.input)} is not a real date. Check the day of the month.`),
);

/** A day name of a schedule, `Monday` … `Sunday`. */
export const WeekdayInputSchema = v.picklist(
  WEEK_DAYS,
  (issue) => `${describeValue(issue.input)} is not a day name. Use one of ${WEEK_DAYS.join(', ')}.`,
);

/** The days a weekly rule applies to: one day name or more. */
export const WeekdaysInputSchema = v.pipe(
  v.array(WeekdayInputSchema, 'expected a list of day names, e.g. ["Monday", "Tuesday"].'),
  v.minLength(1, 'is empty. Name at least one day, e.g. ["Monday"].'),
);

/** What is wrong with a clock range whose end is not after its start; reported on the end's field. */
export const CLOCK_RANGE_PROBLEM = 'must be after the start time. Swap them, or split a range that crosses midnight.';

/** One weekly rule of a schedule: the days and the hours on them (`ScheduleAvailabilityInput_2024_06_11`). */
export const ScheduleAvailabilityInputSchema = v.pipe(
  v.strictObject({
    days: WeekdaysInputSchema,
    startTime: ClockTimeInputSchema,
    endTime: ClockTimeInputSchema,
  }),
  v.forward(
    v.check((rule) => rule.startTime < rule.endTime, CLOCK_RANGE_PROBLEM),
    ['endTime'],
  ),
);

/** One date override of a schedule: the hours on that date instead of the weekly ones (`ScheduleOverrideInput_2024_06_11`). */
export const ScheduleOverrideInputSchema = v.pipe(
  v.strictObject({ date: CalendarDateInputSchema, startTime: ClockTimeInputSchema, endTime: ClockTimeInputSchema }),
  v.forward(
    v.check((rule) => rule.startTime < rule.endTime, CLOCK_RANGE_PROBLEM),
    ['endTime'],
  ),
);
