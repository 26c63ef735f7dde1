import * as v from 'valibot';
import { defineTool, readOnlyAnnotations } from '../../define-tool';
import { plural } from '../../format';
import { requestOptions } from '../../request-options';
import { numericIdSchema } from '../../schemas';

/** Gets one team with its members. */
export const getTeam = defineTool({
  name: 'get_team',
  description:
    'Gets one Cal.com team by id with its members (user ids, names, emails, roles). ' +
    'WORKFLOW: take team_id from list_teams; use a member’s user_id with list_availability or list_event_types(owner_id).',
  input: v.strictObject({
    team_id: v.pipe(numericIdSchema('list_teams'), v.description('The team id.')),
  }),
  annotations: readOnlyAnnotations('Get team'),
  async handler(input, context) {
    const team = await context.client.getTeam(input.team_id, requestOptions(context));
    const members = team.members ?? [];
    const lines = [
      `team_id ${team.id} | "${team.name}" | slug ${team.slug ?? '-'}${team.timeZone ? ` | time_zone ${team.timeZone}` : ''}`,
      `${plural(members.length, 'member')}:`,
      ...members.map(
        (member) =>
          `user_id ${member.userId} | ${member.name ?? member.username ?? member.email} <${member.email}> | ${member.role}${member.accepted ? '' : ' | invitation pending'}`,
      ),
    ];
    return {
      text: lines.join('\n'),
      structured: {
        team: {
          id: team.id,
          name: team.name,
          slug: team.slug,
          timeZone: team.timeZone,
          bio: team.bio,
          members: members.map((member) => ({
            userId: member.userId,
            name: member.name,
            username: member.username,
            email: member.email,
            role: member.role,
            accepted: member.accepted,
          })),
        },
      },
    };
  },
});
