import * as v from 'valibot';
import { type Team, type TeamMember, TeamMembersSchema, TeamSchema } from '../../models/team';
import type { RequestOptions } from '../../request-options';
import { auxiliaryOptions, pathParam, type ResourceContext, send } from '../common/context';
import { requirePositiveInteger } from '../common/validate';
import type { MeResource } from '../me/me';

/** Page size for memberships (Cal.com's maximum). */
const MEMBERSHIPS_PAGE_SIZE = 250;

/** Teams and memberships (`/v2/teams`, unversioned). */
export class TeamsResource {
  /**
   * Creates the teams resource.
   *
   * @param context The resource context.
   * @param me The profile resource (for the caller's role).
   */
  constructor(
    private readonly context: ResourceContext,
    private readonly me: MeResource,
  ) {}

  /**
   * Lists the authenticated user's teams, each with the user's role.
   *
   * @param options The per-call options.
   * @returns The teams.
   */
  async listTeams(options?: RequestOptions): Promise<Team[]> {
    const [teams, user] = await Promise.all([
      send(
        this.context,
        { method: 'GET', path: '/teams', resource: 'teams', retry: 'idempotent', schema: v.array(TeamSchema) },
        options,
      ),
      this.me.getUser(auxiliaryOptions(options)),
    ]);
    return Promise.all(
      teams.map(async (team): Promise<Team> => {
        const members = await this.fetchMembers(team.id, { emails: [user.email] }, options);
        const role = members.find((member) => member.userId === user.id)?.role;
        return role === undefined ? team : { ...team, role };
      }),
    );
  }

  /**
   * Gets a team with its members.
   *
   * @param id The team id.
   * @param options The per-call options.
   * @returns The team.
   */
  async getTeam(id: number, options?: RequestOptions): Promise<Team> {
    const teamId = requirePositiveInteger(id, 'id');
    const [team, members] = await Promise.all([
      send(
        this.context,
        {
          method: 'GET',
          path: `/teams/${pathParam(teamId)}`,
          resource: 'teams',
          retry: 'idempotent',
          schema: TeamSchema,
        },
        options,
      ),
      this.listTeamMembers(teamId, options),
    ]);
    return { ...team, members };
  }

  /**
   * Lists all members of a team (all pages).
   *
   * @param teamId The team id.
   * @param options The per-call options.
   * @returns The members.
   */
  async listTeamMembers(teamId: number, options?: RequestOptions): Promise<TeamMember[]> {
    return this.fetchMembers(requirePositiveInteger(teamId, 'teamId'), {}, options);
  }

  /**
   * Fetches memberships page by page until a short page.
   *
   * @param teamId The team id.
   * @param filter Optional email filter.
   * @param options The per-call options.
   * @returns The members.
   */
  private async fetchMembers(
    teamId: number,
    filter: { emails?: string[] },
    options: RequestOptions | undefined,
  ): Promise<TeamMember[]> {
    const members: TeamMember[] = [];
    for (let skip = 0; ; skip += MEMBERSHIPS_PAGE_SIZE) {
      const page = await send(
        this.context,
        {
          method: 'GET',
          path: `/teams/${pathParam(teamId)}/memberships`,
          query: { take: MEMBERSHIPS_PAGE_SIZE, skip, emails: filter.emails },
          resource: 'teams',
          retry: 'idempotent',
          schema: TeamMembersSchema,
        },
        options,
      );
      members.push(...page);
      if (page.length < MEMBERSHIPS_PAGE_SIZE) return members;
    }
  }
}
