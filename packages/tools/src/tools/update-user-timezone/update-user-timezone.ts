import * as v from 'valibot';
import { defineTool } from '../../define-tool';
import { requestOptions } from '../../request-options';
import { timeZoneSchema } from '../../schemas';

/** Changes the user's time zone. */
export const updateUserTimezone = defineTool({
  name: 'update_user_timezone',
  description:
    'Changes your Cal.com profile time zone (an IANA name such as Europe/Rome). It changes how Cal.com shows times to you; existing bookings keep their instants. ' +
    'Ask the user before changing it. ' +
    'WORKFLOW: get_user_profile to see the current zone → user confirms the new one → update_user_timezone.',
  input: v.strictObject({
    timezone: timeZoneSchema(
      'The new IANA time zone, e.g. America/New_York (any case; legacy names such as US/Eastern are saved as their zone; not an abbreviation like CET or an offset).',
    ),
  }),
  annotations: {
    title: 'Update user time zone',
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: true,
    openWorldHint: true,
  },
  coreFields: { timeZone: 'timezone' },
  async handler(input, context) {
    const user = await context.client.me.update({ timeZone: input.timezone }, requestOptions(context));
    return {
      text: `Time zone of user_id ${user.id} is now ${user.timeZone}.`,
      structured: { user: { id: user.id, timeZone: user.timeZone } },
    };
  },
});
