import type {
  ScheduleAvailabilityInput_2024_06_11,
  ScheduleOutput_2024_06_11,
  ScheduleOverrideInput_2024_06_11,
} from '../generated/dto.generated';
import { WEEK_DAYS } from '../generated/spec-facts.generated';

export { WEEK_DAYS };

/** A day of {@link WEEK_DAYS}. */
export type WeekDay = (typeof WEEK_DAYS)[number];

/** Weekly availability window (`ScheduleAvailabilityInput_2024_06_11`), times `HH:MM` in the schedule's zone. */
export type ScheduleAvailability = ScheduleAvailabilityInput_2024_06_11;

/** Date override (`ScheduleOverrideInput_2024_06_11`): replaces the weekly windows on that date. */
export type ScheduleOverride = ScheduleOverrideInput_2024_06_11;

/** A schedule (`ScheduleOutput_2024_06_11`). */
export type ScheduleOutput = ScheduleOutput_2024_06_11;
