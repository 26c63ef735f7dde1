import { simulator } from '@calcom-int/testkit/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, expectFailure, expectOk, useFixedSimulator } from '../../../test/support';
import { runTool } from '../../run-tool';
import { listAvailability } from './list-availability';
import { DEFAULT_AVAILABILITY_LIMIT } from './render-availability';

/** 62 days of 15-minute starts (event type 3001): 1,366 free starts on the fixed clock. */
const LONG_RANGE = { start_date: '2026-11-26', end_date: '2027-01-25', event_type_id: 3001 };

describe('list_availability output bounds', () => {
  beforeEach(() => useFixedSimulator());

  it('lists the first 100 of 62 days of 15-minute starts, then one line per remaining day and how to page on', async () => {
    const result = expectOk(await runTool(listAvailability, LONG_RANGE, createTestContext()));
    const lines = result.text.split('\n');
    // Before: 1,407 lines and 108 KB, one per start.
    expect(lines).toHaveLength(47);
    expect(Buffer.byteLength(result.text)).toBeLessThan(4_000);
    expect(lines[0]).toMatch(/^1366 free starts for event_type_id 3001, 15 min each\. .* Listing the first 100\.$/);
    expect(lines[5]).toBe('Not listed: 1266 more free starts, by day (first–last start):');
    expect(lines[6]).toBe('Tue 2026-12-01 (UTC+01:00): 18 free starts, 12:30–16:45');
    expect(lines.at(-1)).toBe(
      'To list them, call list_availability again with start_date 2026-12-01T11:30:00Z (the next one), or narrow the range.',
    );
    const listed = result.structured.slots as { start: string }[];
    expect(listed).toHaveLength(DEFAULT_AVAILABILITY_LIMIT);
    expect(result.structured).toMatchObject({
      total: 1366,
      notListed: { count: 1266, nextStartDate: '2026-12-01T11:30:00Z' },
    });
    expect((result.structured.notListed as { days: unknown[] }).days).toHaveLength(40);
  });

  it('pages on from the start_date it names, with no start listed twice', async () => {
    const first = expectOk(await runTool(listAvailability, { ...LONG_RANGE, limit: 5 }, createTestContext()));
    const next = (first.structured.notListed as { nextStartDate: string }).nextStartDate;
    const second = expectOk(
      await runTool(listAvailability, { ...LONG_RANGE, start_date: next, limit: 5 }, createTestContext()),
    );
    const starts = (result: typeof first) => (result.structured.slots as { start: string }[]).map((slot) => slot.start);
    expect(starts(first)).toEqual([
      '2026-11-26T08:00:00Z',
      '2026-11-26T08:15:00Z',
      '2026-11-26T08:30:00Z',
      '2026-11-26T08:45:00Z',
      '2026-11-26T09:30:00Z',
    ]);
    expect(starts(second)[0]).toBe(next);
    expect(starts(second)).not.toContain(starts(first).at(-1));
  });

  it('lists everything when the limit covers it', async () => {
    const result = expectOk(await runTool(listAvailability, { ...LONG_RANGE, limit: 500 }, createTestContext()));
    expect(result.structured.slots).toHaveLength(500);
    const small = expectOk(
      await runTool(
        listAvailability,
        { start_date: '2026-11-26', end_date: '2026-11-26', event_type_id: 3002, limit: 11 },
        createTestContext(),
      ),
    );
    expect(small.structured.notListed).toBeNull();
    expect(small.text).not.toMatch(/Not listed/);
  });

  it.each([
    [0, 'must be at least 1 (at most 500)'],
    [501, 'must be at most 500; narrow the range or page on with start_date instead'],
    [2.5, 'must be a whole number from 1 to 500'],
    ['10', 'must be a number: how many free times to list, 1 to 500'],
  ])('refuses limit %j without a request', async (limit, message) => {
    const result = expectFailure(await runTool(listAvailability, { ...LONG_RANGE, limit }, createTestContext()));
    expect(result.error.issues).toEqual([{ field: 'limit', message }]);
    expect(simulator().requests).toEqual([]);
  });

  it('refuses user_id with event_type_id instead of returning the host’s starts for someone else', async () => {
    const result = expectFailure(
      await runTool(listAvailability, { ...LONG_RANGE, user_id: 1002 }, createTestContext()),
    );
    expect(result.error.issues).toEqual([
      {
        field: 'user_id',
        message:
          "cannot be combined with an event type: an event type's free starts are its own hosts', whoever user_id names. Drop user_id to get the event type's starts; for another user's free starts, name one of their event types (event_type_id, or event_type_slug with username) instead.",
      },
    ]);
    expect(simulator().requests).toEqual([]);
  });
});
