import { describe, expect, it } from 'vitest';
import { routeOf } from '../support/api-log';
import { percentile, summarizeTimings } from './percentiles';

describe('report helpers', { tags: ['integration'] }, () => {
  it('computes nearest-rank percentiles', () => {
    const sorted = Array.from({ length: 20 }, (_, index) => index + 1);
    expect(percentile(sorted, 50)).toBe(10);
    expect(percentile(sorted, 95)).toBe(19);
    expect(percentile(sorted, 100)).toBe(20);
    expect(percentile([7], 95)).toBe(7);
  });

  it('groups samples by operation with counts, failures, p50, p95 and max', () => {
    const stats = summarizeTimings([
      { operation: 'getUser', durationMs: 3, ok: true },
      { operation: 'createBooking', durationMs: 9, ok: false },
      { operation: 'getUser', durationMs: 1, ok: true },
      { operation: 'getUser', durationMs: 2, ok: true },
    ]);
    expect(stats).toEqual([
      { operation: 'createBooking', count: 1, failures: 1, p50: 9, p95: 9, max: 9 },
      { operation: 'getUser', count: 3, failures: 0, p50: 2, p95: 3, max: 3 },
    ]);
  });

  it('groups HTTP paths into routes', () => {
    expect(routeOf('/v2/bookings/abc123XYZ/reschedule')).toBe('/v2/bookings/:uid/reschedule');
    expect(routeOf('/v2/bookings/abc123XYZ')).toBe('/v2/bookings/:uid');
    expect(routeOf('/v2/bookings')).toBe('/v2/bookings');
    expect(routeOf('/v2/event-types/42')).toBe('/v2/event-types/:id');
    expect(routeOf('/v2/teams/7/memberships')).toBe('/v2/teams/:id/memberships');
  });
});
