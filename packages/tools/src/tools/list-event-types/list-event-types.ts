import * as v from 'valibot';
import { defineTool, readOnlyAnnotations } from '../../define-tool';
import { formatEventTypeLine, summarizeEventType } from '../../format';
import { requestOptions } from '../../request-options';
import { numericIdSchema } from '../../schemas';

/** Lists event types (the bookable kinds of meeting). */
export const listEventTypes = defineTool({
  name: 'list_event_types',
  description:
    "Lists Cal.com event types (the bookable kinds of meeting, e.g. '30 min call') with their ids, slugs and lengths. " +
    'Without parameters it lists your own; owner_id lists a user’s, team_id a team’s (give at most one). ' +
    'WORKFLOW: call this to find the event_type_id, then list_availability with it, then create_booking.',
  input: v.strictObject({
    owner_id: v.optional(
      v.pipe(numericIdSchema('get_user_profile or get_team'), v.description('List the event types of this user id.')),
    ),
    team_id: v.optional(v.pipe(numericIdSchema('list_teams'), v.description('List the event types of this team id.'))),
  }),
  annotations: readOnlyAnnotations('List event types'),
  refine(input) {
    return input.owner_id !== undefined && input.team_id !== undefined
      ? [{ field: 'team_id', message: 'give either owner_id or team_id, not both; drop one and call again' }]
      : [];
  },
  async handler(input, context) {
    const eventTypes = await context.client.listEventTypes(
      {
        ...(input.owner_id === undefined ? {} : { ownerId: input.owner_id }),
        ...(input.team_id === undefined ? {} : { teamId: input.team_id }),
      },
      requestOptions(context),
    );
    const text =
      eventTypes.length === 0
        ? 'No event types found. Create one in Cal.com first, or check owner_id / team_id.'
        : [`${eventTypes.length} event types:`, ...eventTypes.map(formatEventTypeLine)].join('\n');
    return { text, structured: { eventTypes: eventTypes.map(summarizeEventType) } };
  },
});
