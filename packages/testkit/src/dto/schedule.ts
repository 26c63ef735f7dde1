/** Day names used by schedules. */
export const WEEK_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** A day of {@link WEEK_DAYS}. */
export type WeekDay = (typeof WEEK_DAYS)[number];

/** Weekly availability window (`ScheduleAvailabilityInput_2024_06_11`), times `HH:MM` in the schedule's zone. */
export interface ScheduleAvailability {
  days: WeekDay[];
  startTime: string;
  endTime: string;
}

/** Date override (`ScheduleOverrideInput_2024_06_11`): replaces the weekly windows on that date. */
export interface ScheduleOverride {
  date: string;
  startTime: string;
  endTime: string;
}

/** A schedule (`ScheduleOutput_2024_06_11`). */
export interface ScheduleOutput {
  id: number;
  ownerId: number;
  name: string;
  timeZone: string;
  availability: ScheduleAvailability[];
  isDefault: boolean;
  overrides: ScheduleOverride[];
}
