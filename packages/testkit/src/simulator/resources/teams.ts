import type { TeamMembershipOutput, TeamOutput, TeamRole } from '../../dto/user';
import { buildMembership } from '../../fixtures/user';
import { TEAM_ROLES } from '../../generated/spec-facts.generated';
import { ok, type Route, type RouteContext, requireUser } from '../context';
import { conflictError, forbiddenError, notFoundError } from '../http-error';
import { validateBody, validateQuery } from '../validation';
import { sortByCreation } from './event-types';

function teamOf(context: RouteContext): TeamOutput {
  const team = context.data.teams.find((candidate) => String(candidate.id) === context.params.teamId);
  if (team === undefined) throw notFoundError(`Team with id=${context.params.teamId} not found`);
  return team;
}

/**
 * Returns the team of the path when the user belongs to it; 404 when it does not exist, 403 when the user is
 * not a member (Cal.com's roles guard).
 *
 * @param context The route context.
 * @param roles Roles allowed; any role when omitted.
 * @returns The team.
 */
export function memberTeam(context: RouteContext, roles?: readonly TeamRole[]): TeamOutput {
  const user = requireUser(context);
  const team = teamOf(context);
  const membership = context.data.memberships.find(
    (candidate) => candidate.teamId === team.id && candidate.userId === user.id,
  );
  if (membership === undefined || (roles !== undefined && !roles.includes(membership.role))) {
    throw forbiddenError(`RolesGuard - the user with id=${user.id} does not have the required role in team ${team.id}`);
  }
  return team;
}

function membershipOf(context: RouteContext, team: TeamOutput): TeamMembershipOutput {
  const membership = context.data.memberships.find(
    (candidate) => candidate.teamId === team.id && String(candidate.id) === context.params.membershipId,
  );
  if (membership === undefined) throw notFoundError(`Membership with id=${context.params.membershipId} not found`);
  return membership;
}

/** Teams and memberships (unversioned). `GET …/memberships` returns an array (docs/CALCOM-API.md §9.8). */
export const teamRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v2/teams',
    auth: 'required',
    handle(context) {
      const user = requireUser(context);
      const teamIds = new Set(
        context.data.memberships
          .filter((membership) => membership.userId === user.id)
          .map((membership) => membership.teamId),
      );
      return ok(context.data.teams.filter((team) => teamIds.has(team.id)));
    },
  },
  { method: 'GET', pattern: '/v2/teams/:teamId', auth: 'required', handle: (context) => ok(memberTeam(context)) },
  {
    method: 'GET',
    pattern: '/v2/teams/:teamId/memberships',
    auth: 'required',
    handle(context) {
      const team = memberTeam(context);
      const query = validateQuery(context.query, {
        take: { type: 'integer', min: 1, max: 250 },
        skip: { type: 'integer', min: 0 },
        emails: { type: 'array' },
      });
      const emails = query.emails as string[] | undefined;
      const skip = (query.skip as number | undefined) ?? 0;
      const take = (query.take as number | undefined) ?? 250;
      const members = context.data.memberships.filter(
        (membership) =>
          membership.teamId === team.id && (emails === undefined || emails.includes(membership.user.email)),
      );
      return ok(members.slice(skip, skip + take));
    },
  },
  {
    method: 'POST',
    pattern: '/v2/teams/:teamId/memberships',
    auth: 'required',
    handle(context) {
      const team = memberTeam(context, ['OWNER', 'ADMIN']);
      const input = validateBody(context.body, {
        userId: { type: 'integer', required: true },
        accepted: { type: 'boolean' },
        role: { type: 'enum', values: TEAM_ROLES },
        disableImpersonation: { type: 'boolean' },
      });
      const member = context.data.users.find((candidate) => candidate.id === input.userId);
      if (member === undefined) throw notFoundError(`User with id=${String(input.userId)} not found`);
      if (
        context.data.memberships.some((candidate) => candidate.teamId === team.id && candidate.userId === member.id)
      ) {
        throw conflictError(`User with id=${member.id} is already a member of team ${team.id}`);
      }
      const membership = buildMembership({
        id: context.data.nextIds.membership++,
        teamId: team.id,
        userId: member.id,
        accepted: (input.accepted as boolean | undefined) ?? false,
        role: (input.role as TeamRole | undefined) ?? 'MEMBER',
        disableImpersonation: (input.disableImpersonation as boolean | undefined) ?? false,
        user: {
          email: member.email,
          username: member.username,
          ...(member.name === null ? {} : { name: member.name }),
        },
      });
      context.data.memberships.push(membership);
      return ok(membership, 201);
    },
  },
  {
    method: 'GET',
    pattern: '/v2/teams/:teamId/memberships/:membershipId',
    auth: 'required',
    handle: (context) => ok(membershipOf(context, memberTeam(context))),
  },
  {
    method: 'PATCH',
    pattern: '/v2/teams/:teamId/memberships/:membershipId',
    auth: 'required',
    handle(context) {
      const membership = membershipOf(context, memberTeam(context, ['OWNER', 'ADMIN']));
      const patch = validateBody(context.body, {
        accepted: { type: 'boolean' },
        role: { type: 'enum', values: TEAM_ROLES },
        disableImpersonation: { type: 'boolean' },
      });
      Object.assign(membership, patch);
      return ok(membership);
    },
  },
  {
    method: 'DELETE',
    pattern: '/v2/teams/:teamId/memberships/:membershipId',
    auth: 'required',
    handle(context) {
      const membership = membershipOf(context, memberTeam(context, ['OWNER', 'ADMIN']));
      context.data.memberships.splice(context.data.memberships.indexOf(membership), 1);
      return ok(membership);
    },
  },
  {
    method: 'GET',
    pattern: '/v2/teams/:teamId/event-types',
    auth: 'optional',
    handle(context) {
      const team = teamOf(context);
      const query = validateQuery(context.query, {
        eventSlug: { type: 'string' },
        hostsLimit: { type: 'integer', min: 0 },
        sortCreatedAt: { type: 'enum', values: ['asc', 'desc'] },
      });
      const slug = query.eventSlug as string | undefined;
      const limit = query.hostsLimit as number | undefined;
      const eventTypes = context.data.teamEventTypes
        .filter((eventType) => eventType.teamId === team.id && (slug === undefined || eventType.slug === slug))
        .map((eventType) =>
          limit === undefined ? eventType : { ...eventType, hosts: eventType.hosts.slice(0, limit) },
        );
      return ok(sortByCreation(eventTypes, query.sortCreatedAt));
    },
  },
  {
    method: 'GET',
    pattern: '/v2/teams/:teamId/event-types/:eventTypeId',
    auth: 'required',
    handle(context) {
      const team = memberTeam(context);
      const eventType = context.data.teamEventTypes.find(
        (candidate) => candidate.teamId === team.id && String(candidate.id) === context.params.eventTypeId,
      );
      if (eventType === undefined) throw notFoundError(`Event type with id ${context.params.eventTypeId} not found.`);
      return ok(eventType);
    },
  },
];
