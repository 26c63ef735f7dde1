import * as v from 'valibot';
import { defineTool, readOnlyAnnotations } from '../../define-tool';
import { formatEventTypeLine, plural, summarizeEventType } from '../../format';
import { requestOptions } from '../../request-options';
import { crossFieldCheck, NumericIdSchema, UsernameSchema } from '../../schemas';

/** Lists event types (the bookable kinds of meeting). */
export const listEventTypes = defineTool({
  name: 'list_event_types',
  description:
    "Lists Cal.com event types (the bookable kinds of meeting, e.g. '30 min call') with their ids, slugs and lengths. " +
    'Without parameters it lists your own. team_id lists a team’s; username lists another user’s public ones (Cal.com lists other users only by username, e.g. from get_team); owner_id must be your own user id. Give at most one. ' +
    'WORKFLOW: call this to find the event_type_id, then list_availability with it, then create_booking.',
  input: v.pipe(
    v.strictObject({
      owner_id: v.optional(
        v.pipe(NumericIdSchema, v.description('Your own user id, from get_user_profile (for others, use username).')),
      ),
      team_id: v.optional(
        v.pipe(NumericIdSchema, v.description('List the event types of this team id, from list_teams.')),
      ),
      username: v.optional(
        v.pipe(UsernameSchema, v.description('List the public event types of this Cal.com username, from get_team.')),
      ),
    }),
    crossFieldCheck((input) => {
      const given = (['owner_id', 'team_id', 'username'] as const).filter((field) => input[field] !== undefined);
      const second = given[1];
      return second === undefined
        ? undefined
        : { field: second, message: `give only one of ${given.join(', ')}; drop the others and call again` };
    }),
  ),
  annotations: readOnlyAnnotations('List event types'),
  coreFields: { ownerId: 'owner_id', teamId: 'team_id', username: 'username' },
  async handler(input, context) {
    const eventTypes = await context.client.eventTypes.list(
      {
        ...(input.owner_id === undefined ? {} : { ownerId: input.owner_id }),
        ...(input.team_id === undefined ? {} : { teamId: input.team_id }),
        ...(input.username === undefined ? {} : { username: input.username }),
      },
      requestOptions(context),
    );
    const text =
      eventTypes.length === 0
        ? 'No event types found. Create one in Cal.com first, or check team_id / username.'
        : [`${plural(eventTypes.length, 'event type')}:`, ...eventTypes.map(formatEventTypeLine)].join('\n');
    return { text, structured: { eventTypes: eventTypes.map(summarizeEventType) } };
  },
});
