import * as v from 'valibot';
import { defineTool } from '../../define-tool';
import { requestOptions } from '../../request-options';
import { NumericIdSchema } from '../../schemas';

/** Deletes a schedule. */
export const deleteSchedule = defineTool({
  name: 'delete_schedule',
  description:
    'Deletes a schedule. Destructive: ask the user to confirm first. ' +
    'WORKFLOW: list_schedules to show it → user confirms → delete_schedule.',
  input: v.strictObject({
    schedule_id: v.pipe(NumericIdSchema, v.description('The schedule id, from list_schedules.')),
  }),
  annotations: {
    title: 'Delete schedule',
    readOnlyHint: false,
    destructiveHint: true,
    idempotentHint: true,
    openWorldHint: true,
  },
  coreFields: { id: 'schedule_id' },
  async handler(input, context) {
    await context.client.schedules.delete(input.schedule_id, requestOptions(context));
    return {
      text: `Deleted schedule_id ${input.schedule_id}.`,
      structured: { deleted: { scheduleId: input.schedule_id } },
    };
  },
});
