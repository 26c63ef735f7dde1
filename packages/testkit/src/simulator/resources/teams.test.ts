import { describe, expect, it } from 'vitest';
import { callSimulator } from '../../../test/support/call-simulator';
import { createCalComSimulator } from '../create-simulator';
import { SECOND_API_KEY } from '../seed';

describe('teams', () => {
  it("lists the user's teams and gets one", async () => {
    const simulator = createCalComSimulator();
    const ada = await callSimulator(simulator, 'GET', '/v2/teams');
    expect((ada.json as { data: { id: number }[] }).data.map((team) => team.id)).toEqual([5001]);
    const charles = await callSimulator(simulator, 'GET', '/v2/teams', { key: SECOND_API_KEY });
    expect((charles.json as { data: { id: number }[] }).data.map((team) => team.id)).toEqual([5001, 5002]);
    expect((await callSimulator(simulator, 'GET', '/v2/teams/5001')).json).toMatchObject({
      data: { id: 5001, name: 'Analytical Engines', isOrganization: false },
    });
  });

  it('answers 403 for a team the user is not in and 404 for an unknown team', async () => {
    const simulator = createCalComSimulator();
    const forbidden = await callSimulator(simulator, 'GET', '/v2/teams/5002');
    expect(forbidden.status).toBe(403);
    expect(forbidden.json).toMatchObject({
      error: {
        code: 'ForbiddenException',
        message: 'RolesGuard - the user with id=1001 does not have the required role in team 5002',
      },
    });
    expect((await callSimulator(simulator, 'GET', '/v2/teams/9999')).status).toBe(404);
  });

  it('lists memberships as an array with take, skip and emails', async () => {
    const simulator = createCalComSimulator();
    const all = await callSimulator(simulator, 'GET', '/v2/teams/5001/memberships');
    expect(all.json).toEqual({
      status: 'success',
      data: [
        {
          id: 6001,
          userId: 1001,
          teamId: 5001,
          accepted: true,
          role: 'OWNER',
          disableImpersonation: false,
          user: { email: 'ada@example.com', username: 'ada-lovelace', name: 'Ada Lovelace' },
        },
        {
          id: 6002,
          userId: 1002,
          teamId: 5001,
          accepted: true,
          role: 'MEMBER',
          disableImpersonation: false,
          user: { email: 'charles@example.com', username: 'charles-babbage', name: 'Charles Babbage' },
        },
      ],
    });
    const filtered = await callSimulator(
      simulator,
      'GET',
      '/v2/teams/5001/memberships?emails=charles@example.com,x@example.com',
    );
    expect((filtered.json as { data: { id: number }[] }).data.map((membership) => membership.id)).toEqual([6002]);
    const paged = await callSimulator(simulator, 'GET', '/v2/teams/5001/memberships?take=1&skip=1');
    expect((paged.json as { data: { id: number }[] }).data.map((membership) => membership.id)).toEqual([6002]);
  });

  it('creates, reads, updates and deletes memberships with role checks', async () => {
    const simulator = createCalComSimulator();
    const created = await callSimulator(simulator, 'POST', '/v2/teams/5002/memberships', {
      key: SECOND_API_KEY,
      body: { userId: 1001, role: 'ADMIN' },
    });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({
      status: 'success',
      data: {
        id: 6100,
        userId: 1001,
        teamId: 5002,
        accepted: false,
        role: 'ADMIN',
        disableImpersonation: false,
        user: { email: 'ada@example.com', username: 'ada-lovelace', name: 'Ada Lovelace' },
      },
    });
    const duplicate = await callSimulator(simulator, 'POST', '/v2/teams/5002/memberships', {
      key: SECOND_API_KEY,
      body: { userId: 1001 },
    });
    expect(duplicate.status).toBe(409);
    expect(
      (
        await callSimulator(simulator, 'POST', '/v2/teams/5002/memberships', {
          key: SECOND_API_KEY,
          body: { userId: 77 },
        })
      ).status,
    ).toBe(404);
    expect((await callSimulator(simulator, 'GET', '/v2/teams/5002/memberships/6100')).json).toEqual(created.json);
    const updated = await callSimulator(simulator, 'PATCH', '/v2/teams/5002/memberships/6100', {
      key: SECOND_API_KEY,
      body: { accepted: true },
    });
    expect(updated.json).toMatchObject({ data: { accepted: true, role: 'ADMIN' } });
    const memberTries = await callSimulator(simulator, 'POST', '/v2/teams/5001/memberships', {
      key: SECOND_API_KEY,
      body: { userId: 1002 },
    });
    expect(memberTries.status).toBe(403);
    expect(
      (await callSimulator(simulator, 'DELETE', '/v2/teams/5002/memberships/6100', { key: SECOND_API_KEY })).status,
    ).toBe(200);
    expect(
      (await callSimulator(simulator, 'GET', '/v2/teams/5002/memberships/6100', { key: SECOND_API_KEY })).status,
    ).toBe(404);
  });

  it('lists team event types without a version header and gets one as a member', async () => {
    const simulator = createCalComSimulator();
    const list = await callSimulator(simulator, 'GET', '/v2/teams/5001/event-types', { key: null });
    expect(list.json).toMatchObject({
      data: [
        { id: 4001, teamId: 5001, schedulingType: 'roundRobin', hosts: [{ userId: 1001 }, { userId: 1002 }] },
        { id: 4002, teamId: 5001, schedulingType: 'collective', hosts: [{ userId: 1001 }, { userId: 1002 }] },
      ],
    });
    expect((await callSimulator(simulator, 'GET', '/v2/teams/5001/event-types?eventSlug=nope')).json).toEqual({
      status: 'success',
      data: [],
    });
    expect((await callSimulator(simulator, 'GET', '/v2/teams/5001/event-types/4001')).json).toMatchObject({
      data: { id: 4001, slug: 'team-demo' },
    });
    expect((await callSimulator(simulator, 'GET', '/v2/teams/5001/event-types/1')).status).toBe(404);
    expect((await callSimulator(simulator, 'GET', '/v2/teams/5002/event-types/4001')).status).toBe(403);
  });
});
