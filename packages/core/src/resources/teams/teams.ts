import * as v from 'valibot';
import { CalComUnexpectedResponseError } from '../../errors/unexpected-response-error';
import { buildUrl } from '../../internal/build-url';
import { type Team, type TeamMember, TeamMembersSchema, TeamSchema } from '../../models/team';
import type { RequestOptions } from '../../request-options';
import { auxiliaryOptions, pathParam, type ResourceContext, send } from '../common/context';
import { collectPages, mapConcurrently } from '../common/page-walk';
import { requirePositiveInteger } from '../common/validate';
import type { MeResource } from '../me/me';

/** Page size for memberships (Cal.com's maximum). */
const MEMBERSHIPS_PAGE_SIZE = 250;

/**
 * The most teams `listTeams` looks up the caller's role in (one memberships request per team). More teams throw
 * `CalComUnexpectedResponseError` instead of sending hundreds of requests into the 120-per-minute rate limit.
 */
export const MAX_TEAMS_WITH_ROLES = 100;

/** How many role lookups `listTeams` runs at once, so that it never fills the client's whole concurrency cap. */
export const ROLE_LOOKUP_CONCURRENCY = 4;

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
    const request = {
      method: 'GET',
      path: '/teams',
      resource: 'teams',
      retry: 'idempotent',
      schema: v.array(TeamSchema),
    } as const;
    const [result, user] = await Promise.all([
      this.context.executor.execute(request, options),
      this.me.getUser(auxiliaryOptions(options)),
    ]);
    const teams = result.data;
    if (teams.length > MAX_TEAMS_WITH_ROLES) {
      throw new CalComUnexpectedResponseError({
        message: `Cal.com listed ${teams.length} teams for this key; listTeams looks up your role in each team (one request per team) and handles at most ${MAX_TEAMS_WITH_ROLES}, so nothing more was sent. Use getTeam(id) or listTeamMembers(teamId) for the teams you need, and check the base URL and account if that many teams is unexpected.`,
        status: result.status,
        path: 'data',
        requestId: result.requestId,
        method: request.method,
        url: buildUrl(this.context.baseUrl, request.path, undefined),
      });
    }
    return mapConcurrently(teams, ROLE_LOOKUP_CONCURRENCY, async (team): Promise<Team> => {
      const members = await this.fetchMembers(team.id, { emails: [user.email] }, options);
      const role = members.find((member) => member.userId === user.id)?.role;
      return role === undefined ? team : { ...team, role };
    });
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
   * Fetches memberships page by page until a short page; a repeated membership is dropped, and a server that ignores
   * `skip` or never ends stops the walk with `CalComUnexpectedResponseError` (see `collectPages`).
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
    return collectPages(
      this.context,
      {
        what: 'team memberships',
        pageSize: MEMBERSHIPS_PAGE_SIZE,
        key: (member) => String(member.membershipId),
        request: (skip) => ({
          method: 'GET',
          path: `/teams/${pathParam(teamId)}/memberships`,
          query: { take: MEMBERSHIPS_PAGE_SIZE, skip, emails: filter.emails },
          resource: 'teams',
          retry: 'idempotent',
          schema: TeamMembersSchema,
        }),
      },
      options,
    );
  }
}
