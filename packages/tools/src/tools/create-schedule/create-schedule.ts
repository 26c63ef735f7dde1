import * as v from 'valibot';
import { defineTool } from '../../define-tool';
import { formatSchedule } from '../../format';
import { requestOptions } from '../../request-options';
import { dateOverridesField, ScheduleNameSchema, timeZoneSchema, toClientRules, weeklyHoursField } from '../../schemas';

/** The client's field for each schedule tool field. */
export const SCHEDULE_CORE_FIELDS = {
  name: 'name',
  timeZone: 'time_zone',
  isDefault: 'is_default',
  availability: 'weekly_hours',
  overrides: 'date_overrides',
} as const;

/** Creates a schedule. */
export const createSchedule = defineTool({
  name: 'create_schedule',
  description:
    'Creates a working-hours schedule. Without weekly_hours Cal.com uses Monday-Friday 09:00-17:00. ' +
    'WORKFLOW: list_schedules → user confirms → create_schedule → update_event_type with schedule_id.',
  input: v.strictObject({
    name: v.pipe(ScheduleNameSchema, v.description('Name, e.g. "Mornings".')),
    time_zone: timeZoneSchema('IANA time zone of the hours, e.g. Europe/Rome.'),
    is_default: v.optional(v.pipe(v.boolean(), v.description('Make it your default schedule. Default false.'))),
    weekly_hours: weeklyHoursField,
    date_overrides: dateOverridesField,
  }),
  annotations: {
    title: 'Create schedule',
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: false,
    openWorldHint: true,
  },
  coreFields: SCHEDULE_CORE_FIELDS,
  async handler(input, context) {
    const schedule = await context.client.schedules.create(
      {
        name: input.name,
        timeZone: input.time_zone,
        isDefault: input.is_default ?? false,
        ...(input.weekly_hours === undefined ? {} : { availability: toClientRules(input.weekly_hours) }),
        ...(input.date_overrides === undefined ? {} : { overrides: toClientRules(input.date_overrides) }),
      },
      requestOptions(context),
    );
    return { text: `Created ${formatSchedule(schedule)}`, structured: { schedule } };
  },
});
