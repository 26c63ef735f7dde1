import * as v from 'valibot';
import { defineTool, readOnlyAnnotations } from '../../define-tool';
import { plural } from '../../format';
import { requestOptions } from '../../request-options';

/** Lists the user's teams. */
export const listTeams = defineTool({
  name: 'list_teams',
  description:
    'Lists the Cal.com teams you belong to, with team ids, slugs and your role. ' +
    'WORKFLOW: call this to find a team_id, then get_team for members or list_event_types(team_id) for team event types.',
  input: v.strictObject({}),
  annotations: readOnlyAnnotations('List teams'),
  async handler(_input, context) {
    const teams = await context.client.teams.list(requestOptions(context));
    const lines = teams.map((team) =>
      [
        `team_id ${team.id}`,
        `"${team.name}"`,
        `slug ${team.slug ?? '-'}`,
        ...(team.role ? [`role ${team.role}`] : []),
      ].join(' | '),
    );
    const text =
      teams.length === 0 ? 'You belong to no teams.' : [`${plural(teams.length, 'team')}:`, ...lines].join('\n');
    return {
      text,
      structured: {
        teams: teams.map((team) => ({
          id: team.id,
          name: team.name,
          slug: team.slug,
          role: team.role ?? null,
          timeZone: team.timeZone,
        })),
      },
    };
  },
});
