import { simulator } from '@calcom-int/testkit/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, expectFailure, expectOk, requestsSeen, useFixedSimulator } from '../../../test/support';
import { runTool } from '../../run-tool';
import { listEventTypes } from './list-event-types';

describe('list_event_types', () => {
  beforeEach(() => useFixedSimulator());

  it('lists your own event types', async () => {
    const result = expectOk(await runTool(listEventTypes, {}, createTestContext()));
    expect(requestsSeen().map(({ method, path }) => `${method} ${path}`)).toContain('GET /v2/event-types');
    expect(simulator().requests.at(-1)?.headers['cal-api-version']).toBe('2024-06-14');
    expect(result.text).toMatchInlineSnapshot(`
      "7 event types:
      event_type_id 3001 | "15 min meeting" | slug fifteen-minutes | 15 min | owner_id 1001
      event_type_id 3002 | "30 min meeting" | slug thirty-minutes | 30 min | owner_id 1001
      event_type_id 3003 | "Consultation" | slug consultation | 60 min | owner_id 1001
      event_type_id 3004 | "Private session" | slug private-session | 45 min | owner_id 1001 | hidden
      event_type_id 3005 | "Weekly coaching" | slug weekly-coaching | 30 min | owner_id 1001 | recurring weekly, up to 4 occurrences
      event_type_id 3006 | "Group workshop" | slug group-workshop | 60 min | owner_id 1001 | 3 seats per slot
      event_type_id 3007 | "Discovery call" | slug discovery-call | 30/45/60 min | owner_id 1001"
    `);
    expect(result.structured).toMatchSnapshot();
  });

  it('lists a team’s event types', async () => {
    const teamId = simulator().state.teams[0]?.id ?? 0;
    const result = expectOk(await runTool(listEventTypes, { team_id: teamId }, createTestContext()));
    expect(requestsSeen()).toEqual([
      { method: 'GET', path: `/v2/teams/${teamId}/event-types`, query: {}, body: undefined },
    ]);
    expect(result.text).toMatchInlineSnapshot(`
      "2 event types:
      event_type_id 4001 | "Team demo" | slug team-demo | 45 min | team_id 5001
      event_type_id 4002 | "Team sync" | slug team-sync | 30 min | team_id 5001"
    `);
  });

  it('refuses owner_id together with team_id without a request', async () => {
    const result = expectFailure(await runTool(listEventTypes, { owner_id: 1001, team_id: 4001 }, createTestContext()));
    expect(result.error.issues).toEqual([
      { field: 'team_id', message: 'give only one of owner_id, team_id; drop the others and call again' },
    ]);
    expect(simulator().requests).toEqual([]);
  });

  it('lists another user’s event types by username', async () => {
    const result = expectOk(await runTool(listEventTypes, { username: 'charles-babbage' }, createTestContext()));
    expect(requestsSeen()).toEqual([
      { method: 'GET', path: '/v2/event-types', query: { username: 'charles-babbage' }, body: undefined },
    ]);
    expect(result.text).toContain('"Intro call"');
  });

  it('passes back the client’s advice when owner_id is another user', async () => {
    const result = expectFailure(await runTool(listEventTypes, { owner_id: 1002 }, createTestContext()));
    expect(result.error.kind).toBe('rejected_input');
    expect(result.error.issues).toEqual([
      {
        field: 'owner_id',
        message:
          "1002 is not the authenticated user (1001). Cal.com lists another user's event types by their username: ask by username instead.",
      },
    ]);
  });

  it('refuses a string id without a request', async () => {
    const result = expectFailure(await runTool(listEventTypes, { team_id: '4001' }, createTestContext()));
    expect(result.error.issues).toEqual([
      {
        field: 'team_id',
        message:
          'expected a positive whole number (a Cal.com id), got "4001". Pass the numeric id as Cal.com returned it, e.g. 123 (list the resources first to get one).',
      },
    ]);
    expect(simulator().requests).toEqual([]);
  });
});
