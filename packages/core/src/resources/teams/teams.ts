import * as v from 'valibot';
import { CalComUnexpectedResponseError } from '../../errors/unexpected-response-error';
import { buildUrl } from '../../internal/build-url';
import { IdInputSchema } from '../../models/input';
import { type Team, type TeamMember, TeamMembersSchema, TeamSchema } from '../../models/team';
import type { RequestOptions } from '../../request-options';
import { auxiliaryOptions, pathParam, type ResourceContext } from '../common/context';
import { collectPages, mapConcurrently } from '../common/page-walk';
import { parseField } from '../common/validate';
import type { MeResource } from '../me/me';

/** Page size for memberships (Cal.com's maximum). */
const MEMBERSHIPS_PAGE_SIZE = 250;

/**
 * The most teams `cal.teams.list` looks up the caller's role in (one memberships request per team). More teams throw
 * `CalComUnexpectedResponseError` instead of sending hundreds of requests into the 120-per-minute rate limit.
 */
export const MAX_TEAMS_WITH_ROLES = 100;

/** How many role lookups `cal.teams.list` runs at once, so that it never fills the client's whole concurrency cap. */
export const ROLE_LOOKUP_CONCURRENCY = 4;

/** Teams and memberships (`/v2/teams`, unversioned). */
export class TeamsResource {
  // True private fields: printing or serialising the resource reaches neither the executor nor the key.
  readonly #context: ResourceContext;
  readonly #me: Pick<MeResource, 'get'>;

  /** @internal Created by `CalComClient`. */
  constructor(context: ResourceContext, me: Pick<MeResource, 'get'>) {
    this.#context = context;
    this.#me = me;
  }

  /**
   * Lists your teams (`GET /v2/teams`), each with your role.
   *
   * @example
   * ```ts
   * const admins = (await cal.teams.list()).filter((team) => team.role !== 'MEMBER');
   * ```
   *
   * @param options The per-call options.
   * @returns The teams.
   */
  async list(options?: RequestOptions): Promise<Team[]> {
    const request = {
      method: 'GET',
      path: '/teams',
      resource: 'teams',
      retry: 'idempotent',
      schema: v.array(TeamSchema),
    } as const;
    const [result, user] = await Promise.all([
      this.#context.executor.execute(request, options),
      this.#me.get(auxiliaryOptions(options)),
    ]);
    const teams = result.data;
    if (teams.length > MAX_TEAMS_WITH_ROLES) {
      throw new CalComUnexpectedResponseError({
        message: `Cal.com listed ${teams.length} teams for this key; listing teams looks up your role in each team (one request per team) and handles at most ${MAX_TEAMS_WITH_ROLES}, so nothing more was sent. Get the teams you need one by one by their id, and check the base URL and account if that many teams is unexpected.`,
        status: result.status,
        path: 'data',
        requestId: result.requestId,
        method: request.method,
        url: buildUrl(this.#context.baseUrl, request.path, undefined),
      });
    }
    return mapConcurrently(teams, ROLE_LOOKUP_CONCURRENCY, async (team): Promise<Team> => {
      const members = await this.#fetchMembers(team.id, { emails: [user.email] }, options);
      const role = members.find((member) => member.userId === user.id)?.role;
      return role === undefined ? team : { ...team, role };
    });
  }

  /**
   * Gets a team with its members.
   *
   * @example
   * ```ts
   * const team = await cal.teams.get(7);
   * ```
   *
   * @param id The team id.
   * @param options The per-call options.
   * @returns The team.
   */
  async get(id: number, options?: RequestOptions): Promise<Team> {
    const teamId = parseField(IdInputSchema, id, 'id');
    const [team, members] = await Promise.all([
      (
        await this.#context.executor.execute(
          {
            method: 'GET',
            path: `/teams/${pathParam(teamId)}`,
            resource: 'teams',
            retry: 'idempotent',
            schema: TeamSchema,
          },
          options,
        )
      ).data,
      this.listMembers(teamId, options),
    ]);
    return { ...team, members };
  }

  /**
   * Lists all members of a team (all pages).
   *
   * @example
   * ```ts
   * const members = await cal.teams.listMembers(7);
   * ```
   *
   * @param teamId The team id.
   * @param options The per-call options.
   * @returns The members.
   */
  async listMembers(teamId: number, options?: RequestOptions): Promise<TeamMember[]> {
    return this.#fetchMembers(parseField(IdInputSchema, teamId, 'teamId'), {}, options);
  }

  /**
   * Fetches memberships page by page until a short page; a repeated membership is dropped, and a server that ignores
   * `skip` or never ends stops the walk with `CalComUnexpectedResponseError` (see `collectPages`).
   */
  async #fetchMembers(
    teamId: number,
    filter: { emails?: string[] },
    options: RequestOptions | undefined,
  ): Promise<TeamMember[]> {
    return collectPages(
      this.#context,
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
