import { buildEventType, buildMe, buildMembership, buildTeam, success } from '@calcom-int/testkit/fixtures';
import { respondOnce } from '@calcom-int/testkit/msw';
import { server, simulator } from '@calcom-int/testkit/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, expectOk, useFixedSimulator } from '../../test/support';
import { runTool } from '../run-tool';
import { createBooking } from './create-booking';
import { getEventType } from './get-event-type';
import { getTeam } from './get-team';
import { getUserProfile } from './get-user-profile';
import { listEventTypes } from './list-event-types';
import { listTeams } from './list-teams';

// Sparse but valid Cal.com answers: the text falls back instead of printing "null".
describe('tools with sparse Cal.com data', () => {
  beforeEach(() => useFixedSimulator());

  it('get_user_profile: shows the username when the name is empty', async () => {
    server.use(respondOnce('GET', '/v2/me', 200, success(buildMe({ name: null, username: 'ada' }))));
    const result = expectOk(await runTool(getUserProfile, {}, createTestContext()));
    expect(result.text.split('\n')[0]).toMatch(/^user_id \d+ \| ada <.+> \| username ada$/);
  });

  it('get_event_type: leaves out a missing description and booking page', async () => {
    server.use(
      respondOnce(
        'GET',
        '/v2/event-types/77',
        200,
        success({ ...buildEventType({ id: 77, description: '' }), bookingUrl: undefined }),
      ),
    );
    const result = expectOk(await runTool(getEventType, { event_type_id: 77 }, createTestContext()));
    expect(result.text).not.toMatch(/description:|booking page/);
  });

  it('list_event_types: passes owner_id and says when there are none', async () => {
    server.use(respondOnce('GET', '/v2/event-types', 200, success([])));
    const result = expectOk(await runTool(listEventTypes, { owner_id: 1001 }, createTestContext()));
    expect(result.text).toBe('No event types found. Create one in Cal.com first, or check team_id / username.');
  });

  it('list_teams: says when there are no teams and copes with missing slugs and roles', async () => {
    server.use(respondOnce('GET', '/v2/teams', 200, success([])));
    expect(expectOk(await runTool(listTeams, {}, createTestContext())).text).toBe('You belong to no teams.');
    const team = { ...buildTeam({ id: 6001, name: 'No slug' }), slug: undefined };
    server.use(respondOnce('GET', '/v2/teams', 200, success([team])));
    server.use(respondOnce('GET', '/v2/teams/6001/memberships', 200, success([])));
    const result = expectOk(await runTool(listTeams, {}, createTestContext()));
    expect(result.text).toContain('team_id 6001 | "No slug" | slug -');
  });

  it('get_team: shows pending invitations and members without names', async () => {
    const team = { ...buildTeam({ id: 6002, name: 'Sparse' }), slug: undefined, timeZone: undefined };
    // Distinct membership ids: the client drops a membership it has already seen (a repeat across pages).
    const member = buildMembership({
      id: 7001,
      teamId: 6002,
      userId: 2001,
      accepted: false,
      role: 'MEMBER',
      user: { email: 'new@example.com' },
    });
    const named = buildMembership({
      id: 7002,
      teamId: 6002,
      userId: 2002,
      accepted: true,
      role: 'ADMIN',
      user: { email: 'user@example.com', username: 'user-name' },
    });
    server.use(respondOnce('GET', '/v2/teams/6002', 200, success(team)));
    server.use(respondOnce('GET', '/v2/teams/6002/memberships', 200, success([member, named])));
    const result = expectOk(await runTool(getTeam, { team_id: 6002 }, createTestContext()));
    expect(result.text).toBe(
      [
        'team_id 6002 | "Sparse"',
        '2 members (user_id username "name" email role):',
        '2001 - - new@example.com MEMBER (invitation pending)',
        '2002 user-name - user@example.com ADMIN',
      ].join('\n'),
    );
  });

  it('create_booking: says when the host must confirm', async () => {
    const result = expectOk(
      await runTool(
        createBooking,
        {
          event_type_id: 3003,
          start_time: '2026-11-27T13:00:00Z',
          end_time: '2026-11-27T14:00:00Z',
          attendee_name: 'Hedy Lamarr',
          attendee_email: 'hedy@example.com',
          attendee_timezone: 'Europe/Vienna',
        },
        createTestContext(),
      ),
    );
    expect(result.text).toContain('status pending. It is pending: the host must confirm it (confirm_booking).');
    expect(simulator().requests.some((request) => request.path === '/v2/me')).toBe(false);
  });
});
