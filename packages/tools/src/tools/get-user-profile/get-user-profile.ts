import * as v from 'valibot';
import { defineTool, readOnlyAnnotations } from '../../define-tool';
import { requestOptions } from '../../request-options';

/** Gets the authenticated user's profile. */
export const getUserProfile = defineTool({
  name: 'get_user_profile',
  description:
    'Gets the profile of the Cal.com user whose API key is in use: user id, name, email, username, time zone, week start and clock format. ' +
    'Use it to learn who "me" is, which time zone to show times in, and who the default attendee of create_booking is. ' +
    'WORKFLOW: call once at the start; use its time_zone for list_availability and its user_id for list_event_types.',
  input: v.strictObject({}),
  annotations: readOnlyAnnotations('Get user profile'),
  async handler(_input, context) {
    const user = await context.client.getUser(requestOptions(context));
    const text = [
      `user_id ${user.id} | ${user.name ?? user.username} <${user.email}> | username ${user.username}`,
      `time_zone ${user.timeZone} | week starts ${user.weekStart} | ${user.timeFormat}h clock`,
    ].join('\n');
    return { text, structured: { user } };
  },
});
