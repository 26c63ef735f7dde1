import { describe, expect, it } from 'vitest';
import { createPathMatcher } from './path-matcher';

const matcher = createPathMatcher([
  '/v2/bookings',
  '/v2/bookings/{bookingUid}',
  '/v2/bookings/{bookingUid}/cancel',
  '/v2/bookings/by-seat/{seatUid}',
  '/v2/schedules/{scheduleId}',
  '/v2/schedules/default',
]);

describe('createPathMatcher', () => {
  it('matches a literal path', () => {
    expect(matcher.match('/v2/bookings')).toEqual([{ template: '/v2/bookings', params: {} }]);
  });

  it('extracts and decodes parameters', () => {
    expect(matcher.match('/v2/bookings/abc%20d/cancel')).toEqual([
      { template: '/v2/bookings/{bookingUid}/cancel', params: { bookingUid: 'abc d' } },
    ]);
    expect(matcher.match('/v2/bookings/%E0%A4%A/cancel')).toEqual([
      { template: '/v2/bookings/{bookingUid}/cancel', params: { bookingUid: '%E0%A4%A' } },
    ]);
  });

  it('prefers literal segments over parameters, whatever the template order', () => {
    expect(matcher.match('/v2/bookings/by-seat/x')).toEqual([
      { template: '/v2/bookings/by-seat/{seatUid}', params: { seatUid: 'x' } },
    ]);
    expect(matcher.match('/v2/schedules/default').map((match) => match.template)).toEqual([
      '/v2/schedules/default',
      '/v2/schedules/{scheduleId}',
    ]);
    expect(matcher.match('/v2/schedules/12').map((match) => match.template)).toEqual(['/v2/schedules/{scheduleId}']);
  });

  it('ignores one trailing slash and refuses empty parameters and unknown paths', () => {
    expect(matcher.match('/v2/bookings/').map((match) => match.template)).toEqual(['/v2/bookings']);
    expect(matcher.match('/v2/bookings//cancel')).toEqual([]);
    expect(matcher.match('/v2/unknown')).toEqual([]);
    expect(matcher.match('/v2/bookings/a/b/c')).toEqual([]);
  });
});
