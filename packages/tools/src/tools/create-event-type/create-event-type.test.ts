import { simulator } from '@calcom-int/testkit/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, expectFailure, expectOk, requestsSeen, useFixedSimulator } from '../../../test/support';
import { runTool } from '../../run-tool';
import { createEventType } from './create-event-type';

describe('create_event_type', () => {
  beforeEach(() => useFixedSimulator());

  it('creates an event type after checking the slug is free', async () => {
    const result = expectOk(
      await runTool(
        createEventType,
        { title: 'Intro call', slug: 'intro-call', length_minutes: 20, hidden: true, schedule_id: 2001 },
        createTestContext(),
      ),
    );
    expect(result.text).toBe(
      'Created event_type_id 3100 | "Intro call" | slug intro-call | 20 min | owner_id 1001 | hidden\nbooking page https://cal.com/ada-lovelace/intro-call',
    );
    expect(requestsSeen().map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /v2/me',
      'GET /v2/event-types',
      'POST /v2/event-types',
    ]);
    expect(requestsSeen()[2]?.body).toEqual({
      title: 'Intro call',
      slug: 'intro-call',
      lengthInMinutes: 20,
      hidden: true,
      scheduleId: 2001,
    });
    expect(result.structured).toMatchObject({ eventType: { id: 3100, slug: 'intro-call', hidden: true } });
  });

  it('refuses a taken slug with the event type that has it', async () => {
    const result = expectFailure(
      await runTool(createEventType, { title: 'X', slug: 'thirty-minutes', length_minutes: 30 }, createTestContext()),
    );
    expect(result.error.issues).toEqual([
      {
        field: 'slug',
        message:
          '"thirty-minutes" is already used by your event type 3002 ("30 min meeting"). Pick another slug, or update that event type instead.',
      },
    ]);
    expect(simulator().requests.some((request) => request.method === 'POST')).toBe(false);
  });

  it('refuses a bad slug and a zero length before any request', async () => {
    const result = expectFailure(
      await runTool(createEventType, { title: 'X', slug: 'Intro Call', length_minutes: 0 }, createTestContext()),
    );
    expect(result.error.issues?.map((issue) => issue.field)).toEqual(['slug', 'length_minutes']);
    expect(simulator().requests).toEqual([]);
  });
});
