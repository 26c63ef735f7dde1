import { success } from '@calcom-int/testkit/fixtures';
import { respondOnce } from '@calcom-int/testkit/msw';
import { server, simulator, useSimulator } from '@calcom-int/testkit/vitest';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createTestClient, sentRequests } from '../../../test/support/test-client';
import { CalComUnexpectedResponseError } from '../../errors/unexpected-response-error';
import { CalComUnknownOutcomeError } from '../../errors/unknown-outcome-error';
import { CalComValidationError } from '../../errors/validation-error';

const ada = {
  id: 1001,
  username: 'ada-lovelace',
  email: 'ada@example.com',
  name: 'Ada Lovelace',
  avatarUrl: null,
  bio: null,
  timeZone: 'Europe/Berlin',
  weekStart: 'Monday',
  timeFormat: 24,
  defaultScheduleId: 2001,
  organizationId: null,
};

describe('me.get', () => {
  it('gets the profile with GET /v2/me and no version header', async () => {
    const client = createTestClient();
    expect(await client.me.get()).toEqual(ada);
    expect(sentRequests()).toEqual([{ method: 'GET', path: '/v2/me', query: {}, version: undefined, body: undefined }]);
    expect(simulator().requests[0]?.headers.authorization).toBe('Bearer cal_sim_demo_key_0001');
  });

  it('serves the profile from the cache for 60 s', async () => {
    let now = Date.parse('2026-06-01T00:00:00Z');
    useSimulator({ now: () => new Date(now) });
    const client = createTestClient();
    await client.me.get();
    now += 59_000;
    await client.me.get();
    expect(sentRequests()).toHaveLength(1);
    now += 2_000;
    await client.me.get();
    expect(sentRequests()).toHaveLength(2);
  });
});

describe('me.get with a malformed answer', () => {
  it('names the failing field of the response', async () => {
    server.use(respondOnce('GET', '/v2/me', 200, success({ ...ada, timeZone: 5 })));
    const client = createTestClient();
    const error = await client.me.get().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComUnexpectedResponseError);
    expect((error as CalComUnexpectedResponseError).path).toBe('data.timeZone');
  });
});

describe('me.update', () => {
  it('sends only the given fields and refreshes the cache', async () => {
    const client = createTestClient();
    await client.me.get();
    const user = await client.me.update({ timeZone: 'America/New_York', locale: 'pt-BR', timeFormat: 12 });
    expect(user).toEqual({ ...ada, timeZone: 'America/New_York', timeFormat: 12 });
    expect(await client.me.get()).toEqual(user);
    expect(sentRequests()).toEqual([
      { method: 'GET', path: '/v2/me', query: {}, version: undefined, body: undefined },
      {
        method: 'PATCH',
        path: '/v2/me',
        query: {},
        version: undefined,
        body: { timeZone: 'America/New_York', locale: 'pt-BR', timeFormat: 12 },
      },
    ]);
  });

  it('sends every supported field', async () => {
    const client = createTestClient();
    const input = {
      name: 'Ada King',
      email: 'ada.king@example.com',
      weekStart: 'Sunday',
      defaultScheduleId: 2001,
      bio: 'Analyst',
      avatarUrl: 'https://example.com/ada.png',
      metadata: { team: 'engines' },
    };
    await client.me.update(input);
    expect(sentRequests()[0]?.body).toEqual(input);
  });

  it.each([
    [{ timeZone: 'Mars/Olympus' }, 'timeZone', 'is not an IANA time zone'],
    [{ timeZone: '+02:00' }, 'timeZone', 'is a fixed UTC offset, not the time zone of a place'],
    [{ timeZone: 'CET' }, 'timeZone', 'is an abbreviation, not an IANA time zone'],
    [{ locale: 'xx' }, 'locale', 'is not a locale Cal.com supports'],
    [{ weekStart: 'monday' }, 'weekStart', 'is not a weekday'],
    [{ timeFormat: 13 }, 'timeFormat', 'is not a clock format'],
    [{ name: '  ' }, 'name', 'is empty or blank (only spaces)'],
    [{ name: 'n'.repeat(256) }, 'name', 'is 256 characters long'],
    [{ email: 'nope' }, 'email', '"nope" is not an email address: it has no @'],
    [{ defaultScheduleId: -1 }, 'defaultScheduleId', 'expected a positive whole number'],
    [{ avatarUrl: 'not a url' }, 'avatarUrl', 'is not a URL'],
    [{ metadata: [] }, 'metadata', 'expected an object'],
    [{ nickname: 'x' }, 'nickname', 'unknown setting'],
    [{}, '', 'no settings given'],
  ])('refuses %j without sending anything', async (input, path, problem) => {
    const client = createTestClient();
    const error = await client.me.update(input as never).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComValidationError);
    const issues = (error as CalComValidationError).issues;
    expect(issues[0]?.path).toBe(path);
    expect(issues[0]?.message).toContain(problem);
    expect((error as Error).message).toContain('Nothing was sent');
    expect(sentRequests()).toEqual([]);
  });

  it('refuses a non-object input', async () => {
    const client = createTestClient();
    await expect(client.me.update(null as never)).rejects.toThrow('Invalid input: expected an object');
    expect(sentRequests()).toEqual([]);
  });
});

describe('me.update after an ambiguous failure', () => {
  const calls = () => sentRequests().map((request) => `${request.method} ${request.path}`);

  it.each(['server-error', 'reset'] as const)(
    'returns the settings Cal.com applied before failing (%s), read back, and caches them',
    async (outcome) => {
      const client = createTestClient();
      simulator().faults.add({ method: 'PATCH', path: '/v2/me', fault: { type: 'commit-then-fail', outcome } });
      const user = await client.me.update({ timeZone: 'Asia/Tokyo', weekStart: 'Sunday', locale: 'ja' });
      expect(user).toEqual({ ...ada, timeZone: 'Asia/Tokyo', weekStart: 'Sunday' });
      expect(await client.me.get()).toEqual(user);
      expect(calls()).toEqual(['PATCH /v2/me', 'GET /v2/me']);
    },
  );

  it('sends the settings again once reading back shows they were not applied', async () => {
    const client = createTestClient();
    simulator().faults.add({ method: 'PATCH', path: '/v2/me', times: 1, fault: { type: 'server-error', status: 503 } });
    expect(await client.me.update({ name: 'Ada King' })).toEqual({ ...ada, name: 'Ada King' });
    expect(calls()).toEqual(['PATCH /v2/me', 'GET /v2/me', 'PATCH /v2/me']);
  });

  it('throws a refusal of the second update as it is', async () => {
    const client = createTestClient();
    let patches = 0;
    server.use(
      http.patch('https://api.cal.com/v2/me', () => {
        patches += 1;
        return patches === 1
          ? HttpResponse.json({ statusCode: 500, message: 'Internal server error' }, { status: 500 })
          : HttpResponse.json(
              { statusCode: 400, message: ['bio must be shorter'], error: 'Bad Request' },
              { status: 400 },
            );
      }),
    );
    const error = await client.me.update({ bio: 'Analyst' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComValidationError);
    expect(patches).toBe(2);
    expect(calls()).toEqual(['GET /v2/me']);
  });

  it('says the outcome is unknown when only settings the profile does not show were sent', async () => {
    const client = createTestClient();
    simulator().faults.add({
      method: 'PATCH',
      path: '/v2/me',
      fault: { type: 'commit-then-fail', outcome: 'server-error' },
    });
    const error = await client.me.update({ locale: 'it' }, { maxRetries: 0 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalComUnknownOutcomeError);
    expect((error as CalComUnknownOutcomeError).howToCheck).toBe(
      'Check with me.get() whether the settings have the new values; otherwise update them again.',
    );
    // Nothing to read back: the PATCH (absolute values) was sent again instead.
    expect(calls()).toEqual(['PATCH /v2/me', 'PATCH /v2/me']);
  });
});
