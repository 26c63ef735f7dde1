import * as v from 'valibot';
import { defineTool } from '../../define-tool';
import { formatSchedule } from '../../format';
import { requestOptions } from '../../request-options';
import {
  dateOverridesField,
  NumericIdSchema,
  ScheduleNameSchema,
  timeZoneSchema,
  toClientRules,
  weeklyHoursField,
} from '../../schemas';
import { SCHEDULE_CORE_FIELDS } from '../create-schedule/create-schedule';

/** Updates a schedule. */
export const updateSchedule = defineTool({
  name: 'update_schedule',
  description:
    'Changes a schedule: name, zone, default flag, weekly hours or date overrides (days off, extra hours). ' +
    'A given list replaces the old one: send it whole. ' +
    'WORKFLOW: list_schedules → user confirms → update_schedule.',
  input: v.strictObject({
    schedule_id: v.pipe(NumericIdSchema, v.description('The schedule id, from list_schedules.')),
    name: v.optional(v.pipe(ScheduleNameSchema, v.description('New name.'))),
    time_zone: v.optional(timeZoneSchema('New IANA time zone.')),
    is_default: v.optional(v.pipe(v.boolean(), v.description('true makes it your default schedule.'))),
    weekly_hours: weeklyHoursField,
    date_overrides: dateOverridesField,
  }),
  annotations: {
    title: 'Update schedule',
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: true,
    openWorldHint: true,
  },
  coreFields: { ...SCHEDULE_CORE_FIELDS, id: 'schedule_id', patch: 'schedule_id' },
  async handler(input, context) {
    const schedule = await context.client.schedules.update(
      input.schedule_id,
      {
        ...(input.name === undefined ? {} : { name: input.name }),
        ...(input.time_zone === undefined ? {} : { timeZone: input.time_zone }),
        ...(input.is_default === undefined ? {} : { isDefault: input.is_default }),
        ...(input.weekly_hours === undefined ? {} : { availability: toClientRules(input.weekly_hours) }),
        ...(input.date_overrides === undefined ? {} : { overrides: toClientRules(input.date_overrides) }),
      },
      requestOptions(context),
    );
    return { text: `Updated ${formatSchedule(schedule)}`, structured: { schedule } };
  },
});
