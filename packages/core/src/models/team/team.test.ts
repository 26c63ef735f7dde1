import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { type TeamDto, TeamMemberSchema, type TeamMembershipDto, TeamMembersSchema, TeamSchema } from './team';

const team = { id: 7, name: 'Sales', slug: 'sales', isOrganization: false, theme: 'dark' } satisfies TeamDto &
  Record<string, unknown>;
const membership = {
  id: 100,
  userId: 10,
  teamId: 7,
  accepted: true,
  role: 'OWNER',
  disableImpersonation: false,
  user: { email: 'jane@example.com', username: 'jane', name: 'Jane' },
} satisfies TeamMembershipDto & Record<string, unknown>;

describe('TeamSchema', () => {
  it('maps a team', () => {
    expect(v.parse(TeamSchema, team)).toEqual({
      id: 7,
      name: 'Sales',
      slug: 'sales',
      isOrganization: false,
      parentId: null,
      bio: null,
      timeZone: null,
      weekStart: null,
    });
  });

  it('round-trips through JSON and names wrong fields', () => {
    const parsed = v.parse(TeamSchema, {
      id: 8,
      name: 'Ops',
      timeZone: 'UTC',
      weekStart: 'Sunday',
      bio: 'b',
      parentId: 1,
    });
    expect(JSON.parse(JSON.stringify(parsed))).toEqual(parsed);
    expect(parsed).toMatchObject({ isOrganization: false, slug: null, timeZone: 'UTC', parentId: 1 });
    const result = v.safeParse(TeamSchema, { ...team, name: 3 });
    expect(result.issues?.map((issue) => v.getDotPath(issue))).toEqual(['name']);
  });
});

describe('TeamMemberSchema', () => {
  it('maps a membership', () => {
    expect(v.parse(TeamMemberSchema, membership)).toEqual({
      membershipId: 100,
      userId: 10,
      teamId: 7,
      role: 'OWNER',
      accepted: true,
      email: 'jane@example.com',
      name: 'Jane',
      username: 'jane',
      avatarUrl: null,
    });
  });

  it('accepts the memberships list as an array or, as the spec types it, a single object', () => {
    expect(v.parse(TeamMembersSchema, [membership, { ...membership, id: 101, role: 'MEMBER' }])).toHaveLength(2);
    expect(v.parse(TeamMembersSchema, membership)).toEqual([v.parse(TeamMemberSchema, membership)]);
  });

  it('names the path of a wrong role', () => {
    const result = v.safeParse(TeamMemberSchema, { ...membership, role: 'owner' });
    expect(result.issues?.map((issue) => v.getDotPath(issue))).toEqual(['role']);
  });
});
