import { simulator } from '@calcom-int/testkit/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, expectFailure, expectOk, requestsSeen, useFixedSimulator } from '../../../test/support';
import { runTool } from '../../run-tool';
import { updateEventType } from './update-event-type';

describe('update_event_type', () => {
  beforeEach(() => useFixedSimulator());

  it('sends only the given fields', async () => {
    const result = expectOk(
      await runTool(updateEventType, { event_type_id: 3002, length_minutes: 45, title: 'Longer' }, createTestContext()),
    );
    expect(requestsSeen()).toEqual([
      {
        method: 'PATCH',
        path: '/v2/event-types/3002',
        query: {},
        body: { title: 'Longer', lengthInMinutes: 45 },
      },
    ]);
    expect(result.text).toMatch(/^Updated event_type_id 3002 \| "Longer" \| slug thirty-minutes \| 45 min/);
  });

  it('refuses an update without changes, naming the tool field', async () => {
    const result = expectFailure(await runTool(updateEventType, { event_type_id: 3002 }, createTestContext()));
    expect(result.error.issues).toEqual([
      { field: '(input)', message: 'no changes given. Pass at least one field to change.' },
    ]);
    expect(simulator().requests).toEqual([]);
  });

  it('answers 404 for an event type that is not yours', async () => {
    const result = expectFailure(
      await runTool(updateEventType, { event_type_id: 999_999, title: 'x' }, createTestContext()),
    );
    expect(result.error.kind).toBe('not_found');
  });
});
