import { buildMembership, buildTeam, success } from '@calcom-int/testkit/fixtures';
import { respondOnce } from '@calcom-int/testkit/msw';
import { server } from '@calcom-int/testkit/vitest';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createTestClient, sentRequests } from '../../../test/support/test-client';
import { CalComAuthError, CalComNotFoundError } from '../../errors/api-error';
import { CalComUnexpectedResponseError } from '../../errors/unexpected-response-error';
import { CalComValidationError } from '../../errors/validation-error';
import { MAX_STALLED_PAGES } from '../common/page-walk';
import { MAX_TEAMS_WITH_ROLES, ROLE_LOOKUP_CONCURRENCY } from './teams';

const TEAM = {
  id: 5001,
  name: 'Analytical Engines',
  slug: 'analytical-engines',
  isOrganization: false,
  parentId: null,
  bio: null,
  timeZone: 'Europe/Berlin',
  weekStart: 'Monday',
};
const ADA = {
  membershipId: 6001,
  userId: 1001,
  teamId: 5001,
  role: 'OWNER',
  accepted: true,
  email: 'ada@example.com',
  name: 'Ada Lovelace',
  username: 'ada-lovelace',
  avatarUrl: null,
};
const CHARLES = {
  ...ADA,
  membershipId: 6002,
  userId: 1002,
  role: 'MEMBER',
  email: 'charles@example.com',
  name: 'Charles Babbage',
  username: 'charles-babbage',
};
const unversioned = (path: string, query: Record<string, string> = {}) => ({
  method: 'GET',
  path,
  query,
  version: undefined,
  body: undefined,
});

describe('teams.list', () => {
  it("lists the user's teams with the user's role from the memberships", async () => {
    const client = createTestClient();
    expect(await client.teams.list()).toEqual([{ ...TEAM, role: 'OWNER' }]);
    expect(sentRequests()).toEqual([
      unversioned('/v2/teams'),
      unversioned('/v2/me'),
      unversioned('/v2/teams/5001/memberships', { take: '250', skip: '0', emails: 'ada@example.com' }),
    ]);
  });

  it('leaves the role out when no membership matches', async () => {
    server.use(respondOnce('GET', '/v2/teams/5001/memberships', 200, success([])));
    const client = createTestClient();
    expect(await client.teams.list()).toEqual([TEAM]);
  });
});

describe('teams.get', () => {
  it('gets the team with its members', async () => {
    const client = createTestClient();
    expect(await client.teams.get(5001)).toEqual({ ...TEAM, members: [ADA, CHARLES] });
    expect(sentRequests()).toEqual([
      unversioned('/v2/teams/5001'),
      unversioned('/v2/teams/5001/memberships', { take: '250', skip: '0' }),
    ]);
  });

  it('maps 404 and 403, and refuses a bad id', async () => {
    const client = createTestClient();
    await expect(client.teams.get(424_242)).rejects.toBeInstanceOf(CalComNotFoundError);
    const error = await client.teams.get(5002).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComAuthError);
    expect((error as CalComAuthError).status).toBe(403);
    await expect(client.teams.get(0)).rejects.toBeInstanceOf(CalComValidationError);
  });
});

describe('teams.listMembers', () => {
  it('lists members', async () => {
    const client = createTestClient();
    expect(await client.teams.listMembers(5001)).toEqual([ADA, CHARLES]);
  });

  it('fetches the next page while pages are full', async () => {
    const fullPage = Array.from({ length: 250 }, (_, index) =>
      buildMembership({ id: 10_000 + index, userId: 20_000 + index }),
    );
    server.use(respondOnce('GET', '/v2/teams/5001/memberships', 200, success(fullPage)));
    const client = createTestClient();
    const members = await client.teams.listMembers(5001);
    expect(members).toHaveLength(250);
    expect(members[249]?.membershipId).toBe(10_249);
    expect(sentRequests()).toEqual([unversioned('/v2/teams/5001/memberships', { take: '250', skip: '250' })]);
  });

  it('accepts the memberships data as a single object, as the spec types it', async () => {
    server.use(respondOnce('GET', '/v2/teams/5001/memberships', 200, success(buildMembership())));
    const client = createTestClient();
    expect(await client.teams.listMembers(5001)).toEqual([ADA]);
  });

  it('refuses a bad team id', async () => {
    await expect(createTestClient().teams.listMembers(-1)).rejects.toThrow('Invalid teamId');
    expect(sentRequests()).toEqual([]);
  });
});

/**
 * Answers every memberships lookup with Ada as a `MEMBER` of the team asked for, and measures how many lookups were in
 * flight at once.
 *
 * @returns The number of lookups and the most in flight at once.
 */
function countMembershipLookups(): { count: number; maxInFlight: number } {
  const stats = { count: 0, maxInFlight: 0 };
  let inFlight = 0;
  server.use(
    http.get('https://api.cal.com/v2/teams/:teamId/memberships', async ({ params }) => {
      stats.count += 1;
      inFlight += 1;
      stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
      // Let the other lookups start: the measure is how many the client lets run side by side.
      await new Promise((resolve) => setTimeout(resolve, 2));
      inFlight -= 1;
      const teamId = Number(params.teamId);
      return HttpResponse.json(success([buildMembership({ id: 60_000 + teamId, teamId, role: 'MEMBER' })]));
    }),
  );
  return stats;
}

/**
 * Builds `count` teams with ids from 7001.
 *
 * @param count How many.
 * @returns The team DTOs.
 */
const manyTeams = (count: number) => Array.from({ length: count }, (_, index) => buildTeam({ id: 7001 + index }));

/**
 * Builds `count` teams with only the required fields (100,000 of them stay under `maxResponseBytes`).
 *
 * @param count How many.
 * @returns The team DTOs.
 */
const bareTeams = (count: number) => Array.from({ length: count }, (_, index) => ({ id: 7001 + index, name: 'T' }));

describe('teams.list against a huge or lying answer', () => {
  it(`looks up the role in ${MAX_TEAMS_WITH_ROLES} teams with at most ${ROLE_LOOKUP_CONCURRENCY} lookups at once`, async () => {
    server.use(respondOnce('GET', '/v2/teams', 200, success(manyTeams(MAX_TEAMS_WITH_ROLES))));
    const lookups = countMembershipLookups();
    const teams = await createTestClient().teams.list();
    expect(teams).toHaveLength(MAX_TEAMS_WITH_ROLES);
    expect(teams.map((team) => team.id)).toEqual(manyTeams(MAX_TEAMS_WITH_ROLES).map((team) => team.id));
    expect(teams.every((team) => team.role === 'MEMBER')).toBe(true);
    expect(lookups.count).toBe(MAX_TEAMS_WITH_ROLES);
    expect(lookups.maxInFlight).toBeLessThanOrEqual(ROLE_LOOKUP_CONCURRENCY);
    expect(lookups.maxInFlight).toBeGreaterThan(1);
  });

  it.each([MAX_TEAMS_WITH_ROLES + 1, 100_000])(
    'refuses %i teams with CalComUnexpectedResponseError and sends no lookup',
    async (count) => {
      server.use(respondOnce('GET', '/v2/teams', 200, success(bareTeams(count)), { 'X-Request-Id': 'req-teams' }));
      const lookups = countMembershipLookups();
      const error = await createTestClient()
        .teams.list()
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(CalComUnexpectedResponseError);
      expect(error).toMatchObject({
        path: 'data',
        status: 200,
        requestId: 'req-teams',
        method: 'GET',
        url: 'https://api.cal.com/v2/teams',
      });
      expect((error as Error).message).toBe(
        `Cal.com listed ${count} teams for this key; listing teams looks up your role in each team (one request per team) and handles at most ${MAX_TEAMS_WITH_ROLES}, so nothing more was sent. Get the teams you need one by one by their id, and check the base URL and account if that many teams is unexpected.`,
      );
      expect(lookups.count).toBe(0);
    },
  );

  it('stops a role lookup whose first failure ends the call, and starts no new lookup after it', async () => {
    server.use(respondOnce('GET', '/v2/teams', 200, success(manyTeams(20))));
    let count = 0;
    server.use(
      http.get('https://api.cal.com/v2/teams/:teamId/memberships', async () => {
        count += 1;
        return HttpResponse.json(
          { status: 'error', error: { code: 'ForbiddenException', message: 'No access' } },
          { status: 403 },
        );
      }),
    );
    await expect(createTestClient().teams.list()).rejects.toBeInstanceOf(CalComAuthError);
    expect(count).toBeLessThanOrEqual(ROLE_LOOKUP_CONCURRENCY);
  });
});

describe('teams.listMembers against a server that ignores skip', () => {
  it(`stops after ${MAX_STALLED_PAGES} full pages in a row that repeat the members`, async () => {
    const fullPage = Array.from({ length: 250 }, (_, index) =>
      buildMembership({ id: 10_000 + index, userId: 20_000 + index }),
    );
    const skips: string[] = [];
    server.use(
      http.get('https://api.cal.com/v2/teams/5001/memberships', ({ request }) => {
        skips.push(new URL(request.url).searchParams.get('skip') ?? '');
        return HttpResponse.json(success(fullPage), { headers: { 'X-Request-Id': 'req-members' } });
      }),
    );
    const error = await createTestClient()
      .teams.listMembers(5001)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComUnexpectedResponseError);
    expect(error).toMatchObject({
      path: 'data',
      requestId: 'req-members',
      url: 'https://api.cal.com/v2/teams/5001/memberships?take=250&skip=750',
    });
    expect((error as Error).message).toBe(
      'Stopped reading team memberships from GET /v2/teams/5001/memberships: 3 full pages in a row repeated items already received (skip 750), so the server ignores skip and the walk would never end. Report it with the request id; the 250 distinct team memberships received so far are not returned, as the list is not known to be complete.',
    );
    expect(skips).toEqual(['0', '250', '500', '750']);
  });

  it('drops a member repeated on the next page', async () => {
    const fullPage = Array.from({ length: 250 }, (_, index) =>
      buildMembership({ id: 10_000 + index, userId: 20_000 + index }),
    );
    // msw runs the handler added last first: the full page answers skip 0, the short one skip 250.
    server.use(
      respondOnce('GET', '/v2/teams/5001/memberships', 200, success([fullPage[249], buildMembership({ id: 11_000 })])),
    );
    server.use(respondOnce('GET', '/v2/teams/5001/memberships', 200, success(fullPage)));
    const members = await createTestClient().teams.listMembers(5001);
    expect(members.map((member) => member.membershipId)).toEqual([...fullPage.map((member) => member.id), 11_000]);
  });
});
