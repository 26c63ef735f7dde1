import { describe, expect, it } from 'vitest';
import type { TeamEventTypeOutput, TeamMembershipOutput, TeamOutput, WebhookOutput } from '../../src/index';
import { createContractHarness, dataOf, expectGroupCovered } from './simulator-harness';

describe('simulator /v2/teams against the contract', () => {
  const harness = createContractHarness();

  it('GET /v2/teams lists the teams of the user', async () => {
    const teams = dataOf<TeamOutput[]>(await harness.expectValid({ method: 'GET', path: '/v2/teams' }, 200));
    expect(teams.map((team) => team.id)).toEqual([5001]);
  });

  it('GET /v2/teams/{teamId} returns one team', async () => {
    const team = dataOf<TeamOutput>(await harness.expectValid({ method: 'GET', path: '/v2/teams/5001' }, 200));
    expect(team.id).toBe(5001);
  });

  it('GET /v2/teams/{teamId}/memberships lists the members (an array, docs/CALCOM-API.md §9.8)', async () => {
    const members = dataOf<TeamMembershipOutput[]>(
      await harness.expectValid({ method: 'GET', path: '/v2/teams/5001/memberships?take=10&skip=0' }, 200),
    );
    expect(members.map((membership) => membership.userId)).toEqual([1001, 1002]);
  });

  it('GET /v2/teams/{teamId}/memberships?emails= filters by email', async () => {
    const members = dataOf<TeamMembershipOutput[]>(
      await harness.expectValid(
        { method: 'GET', path: '/v2/teams/5001/memberships?emails=charles%40example.com' },
        200,
      ),
    );
    expect(members.map((membership) => membership.userId)).toEqual([1002]);
  });

  it('GET /v2/teams/{teamId}/memberships/{membershipId} returns one membership', async () => {
    const membership = dataOf<TeamMembershipOutput>(
      await harness.expectValid({ method: 'GET', path: '/v2/teams/5001/memberships/6002' }, 200),
    );
    expect(membership).toMatchObject({ id: 6002, userId: 1002, role: 'MEMBER' });
  });

  it('PATCH /v2/teams/{teamId}/memberships/{membershipId} changes the role', async () => {
    const membership = dataOf<TeamMembershipOutput>(
      await harness.expectValid(
        { method: 'PATCH', path: '/v2/teams/5001/memberships/6002', body: { role: 'ADMIN', accepted: true } },
        200,
      ),
    );
    expect(membership).toMatchObject({ id: 6002, role: 'ADMIN', accepted: true });
  });

  it('DELETE /v2/teams/{teamId}/memberships/{membershipId} removes the member', async () => {
    const membership = dataOf<TeamMembershipOutput>(
      await harness.expectValid({ method: 'DELETE', path: '/v2/teams/5001/memberships/6002' }, 200),
    );
    expect(membership.id).toBe(6002);
  });

  it('POST /v2/teams/{teamId}/memberships adds the member back', async () => {
    const membership = dataOf<TeamMembershipOutput>(
      await harness.expectValid(
        { method: 'POST', path: '/v2/teams/5001/memberships', body: { userId: 1002, role: 'MEMBER', accepted: false } },
        201,
      ),
    );
    expect(membership).toMatchObject({ teamId: 5001, userId: 1002, role: 'MEMBER', accepted: false });
  });

  it('GET /v2/teams/{teamId}/event-types/{eventTypeId} returns a team event type', async () => {
    const [teamEventType] = harness.simulator.state.teamEventTypes;
    const eventType = dataOf<TeamEventTypeOutput>(
      await harness.expectValid(
        { method: 'GET', path: `/v2/teams/${teamEventType?.teamId}/event-types/${teamEventType?.id}` },
        200,
      ),
    );
    expect(eventType.id).toBe(teamEventType?.id);
  });

  it('GET /v2/teams/{teamId}/event-types?eventSlug= filters by slug', async () => {
    const [teamEventType] = harness.simulator.state.teamEventTypes;
    const list = dataOf<TeamEventTypeOutput[]>(
      await harness.expectValid(
        { method: 'GET', path: `/v2/teams/5001/event-types?eventSlug=${teamEventType?.slug}`, key: null },
        200,
      ),
    );
    expect(list.map((eventType) => eventType.id)).toEqual([teamEventType?.id]);
  });

  it('covers every /v2/teams route', () => {
    expectGroupCovered(harness, 'teams');
  });
});

describe('simulator /v2/webhooks against the contract', () => {
  const harness = createContractHarness();

  it('GET /v2/webhooks lists the own webhooks', async () => {
    const webhooks = dataOf<WebhookOutput[]>(
      await harness.expectValid({ method: 'GET', path: '/v2/webhooks?take=10&skip=0' }, 200),
    );
    expect(webhooks.map((webhook) => webhook.userId)).toEqual([1001]);
  });

  let createdId = 0;
  it('POST /v2/webhooks creates a webhook', async () => {
    const webhook = dataOf<WebhookOutput>(
      await harness.expectValid(
        {
          method: 'POST',
          path: '/v2/webhooks',
          body: {
            active: true,
            subscriberUrl: 'https://hooks.example.com/cal',
            triggers: ['BOOKING_CREATED', 'BOOKING_CANCELLED'],
            secret: 'whsec_contract',
          },
        },
        201,
      ),
    );
    expect(webhook).toMatchObject({
      active: true,
      subscriberUrl: 'https://hooks.example.com/cal',
      triggers: ['BOOKING_CREATED', 'BOOKING_CANCELLED'],
    });
    createdId = webhook.id;
  });

  it('GET /v2/webhooks/{webhookId} returns it', async () => {
    const webhook = dataOf<WebhookOutput>(
      await harness.expectValid({ method: 'GET', path: `/v2/webhooks/${createdId}` }, 200),
    );
    expect(webhook.id).toBe(createdId);
  });

  it('PATCH /v2/webhooks/{webhookId} deactivates it', async () => {
    const webhook = dataOf<WebhookOutput>(
      await harness.expectValid({ method: 'PATCH', path: `/v2/webhooks/${createdId}`, body: { active: false } }, 200),
    );
    expect(webhook).toMatchObject({ id: createdId, active: false });
  });

  it('DELETE /v2/webhooks/{webhookId} deletes it', async () => {
    const webhook = dataOf<WebhookOutput>(
      await harness.expectValid({ method: 'DELETE', path: `/v2/webhooks/${createdId}` }, 200),
    );
    expect(webhook.id).toBe(createdId);
    expect(harness.simulator.state.webhooks.map((entry) => entry.id)).not.toContain(createdId);
  });

  it('covers every /v2/webhooks route', () => {
    expectGroupCovered(harness, 'webhooks');
  });
});
