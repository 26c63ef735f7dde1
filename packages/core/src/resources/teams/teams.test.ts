import { buildMembership, success } from '@calcom-int/testkit/fixtures';
import { respondOnce } from '@calcom-int/testkit/msw';
import { server } from '@calcom-int/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { CalComAuthError, CalComNotFoundError } from '../../errors/api-error';
import { CalComValidationError } from '../../errors/validation-error';
import { createTestClient, sentRequests } from '../common/test-client';

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

describe('listTeams', () => {
  it("lists the user's teams with the user's role from the memberships", async () => {
    const client = createTestClient();
    expect(await client.listTeams()).toEqual([{ ...TEAM, role: 'OWNER' }]);
    expect(sentRequests()).toEqual([
      unversioned('/v2/teams'),
      unversioned('/v2/me'),
      unversioned('/v2/teams/5001/memberships', { take: '250', skip: '0', emails: 'ada@example.com' }),
    ]);
  });

  it('leaves the role out when no membership matches', async () => {
    server.use(respondOnce('GET', '/v2/teams/5001/memberships', 200, success([])));
    const client = createTestClient();
    expect(await client.listTeams()).toEqual([TEAM]);
  });
});

describe('getTeam', () => {
  it('gets the team with its members', async () => {
    const client = createTestClient();
    expect(await client.getTeam(5001)).toEqual({ ...TEAM, members: [ADA, CHARLES] });
    expect(sentRequests()).toEqual([
      unversioned('/v2/teams/5001'),
      unversioned('/v2/teams/5001/memberships', { take: '250', skip: '0' }),
    ]);
  });

  it('maps 404 and 403, and refuses a bad id', async () => {
    const client = createTestClient();
    await expect(client.getTeam(424_242)).rejects.toBeInstanceOf(CalComNotFoundError);
    const error = await client.getTeam(5002).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComAuthError);
    expect((error as CalComAuthError).status).toBe(403);
    await expect(client.getTeam(0)).rejects.toBeInstanceOf(CalComValidationError);
  });
});

describe('listTeamMembers', () => {
  it('lists members', async () => {
    const client = createTestClient();
    expect(await client.listTeamMembers(5001)).toEqual([ADA, CHARLES]);
  });

  it('fetches the next page while pages are full', async () => {
    const fullPage = Array.from({ length: 250 }, (_, index) =>
      buildMembership({ id: 10_000 + index, userId: 20_000 + index }),
    );
    server.use(respondOnce('GET', '/v2/teams/5001/memberships', 200, success(fullPage)));
    const client = createTestClient();
    const members = await client.listTeamMembers(5001);
    expect(members).toHaveLength(250);
    expect(members[249]?.membershipId).toBe(10_249);
    expect(sentRequests()).toEqual([unversioned('/v2/teams/5001/memberships', { take: '250', skip: '250' })]);
  });

  it('accepts the memberships data as a single object, as the spec types it', async () => {
    server.use(respondOnce('GET', '/v2/teams/5001/memberships', 200, success(buildMembership())));
    const client = createTestClient();
    expect(await client.listTeamMembers(5001)).toEqual([ADA]);
  });

  it('refuses a bad team id', async () => {
    await expect(createTestClient().listTeamMembers(-1)).rejects.toThrow('Invalid teamId');
    expect(sentRequests()).toEqual([]);
  });
});
