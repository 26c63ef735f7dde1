import { simulator } from '@calcom-int/testkit/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, expectFailure, expectOk, useFixedSimulator } from '../../../test/support';
import { runTool } from '../../run-tool';
import { deleteEventType } from './delete-event-type';

describe('delete_event_type', () => {
  beforeEach(() => useFixedSimulator());

  it('is destructive and needs approval', () => {
    expect(deleteEventType.annotations.destructiveHint).toBe(true);
    expect(deleteEventType.needsApproval).toBe(true);
  });

  it('deletes an event type', async () => {
    const result = expectOk(await runTool(deleteEventType, { event_type_id: 3001 }, createTestContext()));
    expect(result.text).toBe('Deleted event_type_id 3001.');
    expect(result.structured).toEqual({ deleted: { eventTypeId: 3001 } });
    expect(simulator().state.eventTypes.some((eventType) => eventType.id === 3001)).toBe(false);
  });

  it('reports an unknown event type as not found', async () => {
    const result = expectFailure(await runTool(deleteEventType, { event_type_id: 424_242 }, createTestContext()));
    expect(result.error.kind).toBe('not_found');
  });
});
