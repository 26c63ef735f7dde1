import * as v from 'valibot';
import { IdSchema } from '../id';
import { WeekdaySchema } from '../user';

/** Schema of a wall-clock time `HH:MM` (24 h). */
export const WallClockTimeSchema = v.pipe(
  v.string(),
  v.regex(/^([01]\d|2[0-4]):[0-5]\d(:[0-5]\d)?$/, 'Expected a time in the format HH:MM.'),
  v.transform((value) => value.slice(0, 5)),
);

/** Schedule DTO schema (`ScheduleOutput_2024_06_11`): lenient to unknown fields, strict on the ones used. */
export const ScheduleDtoSchema = v.object({
  id: IdSchema,
  ownerId: IdSchema,
  name: v.string(),
  timeZone: v.string(),
  isDefault: v.boolean(),
  availability: v.array(
    v.object({ days: v.array(WeekdaySchema), startTime: WallClockTimeSchema, endTime: WallClockTimeSchema }),
  ),
  overrides: v.optional(
    v.array(
      v.object({
        date: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date in the format YYYY-MM-DD.')),
        startTime: WallClockTimeSchema,
        endTime: WallClockTimeSchema,
      }),
    ),
    [],
  ),
});

/** Schedule DTO as the API sends it. */
export type ScheduleDto = v.InferInput<typeof ScheduleDtoSchema>;

/** Schema mapping a schedule DTO to the `Schedule` domain model (weekly hours in the schedule's time zone). */
export const ScheduleSchema = v.pipe(
  ScheduleDtoSchema,
  v.transform((dto) => ({
    id: dto.id,
    ownerId: dto.ownerId,
    name: dto.name,
    timeZone: dto.timeZone,
    isDefault: dto.isDefault,
    availability: dto.availability.map((rule) => ({
      days: rule.days,
      startTime: rule.startTime,
      endTime: rule.endTime,
    })),
    overrides: dto.overrides.map((rule) => ({ date: rule.date, startTime: rule.startTime, endTime: rule.endTime })),
  })),
);

/** A working-hours schedule (domain model). */
export type Schedule = v.InferOutput<typeof ScheduleSchema>;
