import * as v from 'valibot';
import { defineTool, readOnlyAnnotations } from '../../define-tool';
import { formatSchedule, plural } from '../../format';
import { requestOptions } from '../../request-options';

/** Lists the user's schedules. */
export const listSchedules = defineTool({
  name: 'list_schedules',
  description:
    'Lists your working-hours schedules: id, name, time zone, default flag, weekly hours and date overrides. ' +
    'WORKFLOW: list_schedules → update_schedule, or schedule_id for create/update_event_type.',
  input: v.strictObject({}),
  annotations: readOnlyAnnotations('List schedules'),
  async handler(_input, context) {
    const schedules = await context.client.schedules.list(requestOptions(context));
    return {
      text: [`${plural(schedules.length, 'schedule')}.`, ...schedules.map(formatSchedule)].join('\n'),
      structured: { schedules },
    };
  },
});
