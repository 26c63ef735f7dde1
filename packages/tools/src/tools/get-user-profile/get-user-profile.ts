import * as v from 'valibot';
import { defineTool, readOnlyAnnotations } from '../../define-tool';
import { formatLocal, toUtc } from '../../format';
import { requestOptions } from '../../request-options';

/** Gets the authenticated user's profile. */
export const getUserProfile = defineTool({
  name: 'get_user_profile',
  description:
    'Gets the profile of the Cal.com user whose API key is in use (the account owner): user id, name, email, username, time zone, week start and clock format, ' +
    'and the current time: the instant in UTC and the date and time in the account’s time zone. ' +
    'Use it to learn who "me" is, what "today" and "next Tuesday" mean, and who the default attendee of create_booking is. ' +
    'The time zone is the account owner’s; the person you are talking to may be in another one. ' +
    'WORKFLOW: call once at the start; use its user_id for list_event_types and its current time to turn relative dates into ISO 8601.',
  input: v.strictObject({}),
  annotations: readOnlyAnnotations('Get user profile'),
  async handler(_input, context) {
    const user = await context.client.me.get(requestOptions(context));
    const now = toUtc(new Date(Math.floor(context.client.now().getTime() / 1000) * 1000).toISOString());
    const local = formatLocal(now, user.timeZone);
    const text = [
      `user_id ${user.id} | ${user.name ?? user.username} <${user.email}> | username ${user.username}`,
      `time_zone ${user.timeZone} | week starts ${user.weekStart} | ${user.timeFormat}h clock`,
      `now ${now} | ${local} (the account's zone)`,
    ].join('\n');
    return { text, structured: { user, now: { utc: now, local, timeZone: user.timeZone } } };
  },
});
