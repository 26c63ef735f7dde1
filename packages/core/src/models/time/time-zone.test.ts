import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, checkTimeZone } from './time-zone';

describe('checkTimeZone accepts IANA names and canonicalises them', () => {
  it.each([
    ['Europe/Rome', 'Europe/Rome'],
    ['America/New_York', 'America/New_York'],
    ['america/new_york', 'America/New_York'],
    ['AMERICA/NEW_YORK', 'America/New_York'],
    ['  Europe/Rome ', 'Europe/Rome'],
    ['US/Eastern', 'America/New_York'],
    ['us/eastern', 'America/New_York'],
    ['Japan', 'Asia/Tokyo'],
    ['UTC', 'UTC'],
    ['utc', 'UTC'],
    ['Etc/UTC', 'UTC'],
    ['Zulu', 'UTC'],
    // Current IANA names stay as spelled, although Node 20's ICU lists them as Asia/Calcutta and Europe/Kiev.
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['asia/kolkata', 'Asia/Kolkata'],
    ['Europe/Kyiv', 'Europe/Kyiv'],
    ['Asia/Calcutta', 'Asia/Calcutta'],
    ['America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
    ['Australia/Lord_Howe', 'Australia/Lord_Howe'],
    ['Pacific/Chatham', 'Pacific/Chatham'],
    ['America/Sao_Paulo', 'America/Sao_Paulo'],
  ])('%j → %s', (value, timeZone) => {
    expect(checkTimeZone(value)).toEqual({ ok: true, timeZone });
    expect(canonicalTimeZone(value)).toBe(timeZone);
  });

  it('keeps a place name under a continent with its own capitals when it is not in the list (a link)', () => {
    expect(checkTimeZone('Antarctica/South_Pole')).toEqual({ ok: true, timeZone: 'Antarctica/South_Pole' });
    expect(checkTimeZone('antarctica/south_pole')).toEqual({ ok: true, timeZone: 'Antarctica/South_Pole' });
  });
});

describe('checkTimeZone refuses what is not the zone of a place, saying how to fix it', () => {
  it.each([
    [
      'CET',
      {
        ok: false,
        problem:
          '"CET" is an abbreviation, not an IANA time zone (it does not say which place\'s daylight-saving rules apply)',
        fix: 'Pass the zone of the place, e.g. Europe/Berlin, Europe/Paris or Europe/Rome.',
      },
    ],
    [
      'EST',
      {
        ok: false,
        problem:
          '"EST" is an abbreviation, not an IANA time zone (it does not say which place\'s daylight-saving rules apply)',
        fix: 'Pass the zone of the place, e.g. America/New_York or America/Toronto.',
      },
    ],
    [
      'pst',
      {
        ok: false,
        problem:
          '"pst" is an abbreviation, not an IANA time zone (it does not say which place\'s daylight-saving rules apply)',
        fix: 'Pass the zone of the place, e.g. America/Los_Angeles.',
        suggestion: 'America/Los_Angeles',
      },
    ],
    [
      'GMT',
      {
        ok: false,
        problem: '"GMT" is ambiguous: it reads as UTC or as UK time',
        fix: 'Pass UTC for UTC, or Europe/London for UK time (GMT in winter, BST in summer).',
      },
    ],
    [
      'Etc/GMT+5',
      {
        ok: false,
        problem:
          '"Etc/GMT+5" is a fixed UTC offset (IANA inverts the sign: it means UTC-5), not the time zone of a place, so it ignores daylight saving time',
        fix: 'Pass the IANA zone of the place, a name like Europe/Rome, America/New_York or UTC.',
      },
    ],
    [
      '+01:00',
      {
        ok: false,
        problem: '"+01:00" is a fixed UTC offset, not the time zone of a place, so it ignores daylight saving time',
        fix: 'Pass the IANA zone of the place, a name like Europe/Rome, America/New_York or UTC.',
      },
    ],
    [
      'UTC+1',
      {
        ok: false,
        problem: '"UTC+1" is a fixed UTC offset, not the time zone of a place, so it ignores daylight saving time',
        fix: 'Pass the IANA zone of the place, a name like Europe/Rome, America/New_York or UTC.',
      },
    ],
    ['', { ok: false, problem: 'is empty', fix: 'Pass a name like Europe/Rome, America/New_York or UTC.' }],
    [
      42,
      {
        ok: false,
        problem: 'expected a string, got number',
        fix: 'Pass a name like Europe/Rome, America/New_York or UTC.',
      },
    ],
    [
      'Mars/Olympus',
      {
        ok: false,
        problem: '"Mars/Olympus" is not an IANA time zone',
        fix: 'Pass a name like Europe/Rome, America/New_York or UTC.',
      },
    ],
  ])('%j', (value, check) => {
    expect(checkTimeZone(value)).toEqual(check);
    expect(canonicalTimeZone(value)).toBeUndefined();
  });

  it.each([
    ['America/NewYork', 'America/New_York'],
    ['New York', 'America/New_York'],
    ['rome', 'Europe/Rome'],
    ['Europe/Rmoe', 'Europe/Rome'],
    ['Kolkata', 'Asia/Kolkata'],
    ['Amerika/Sao_Paulo', 'America/Sao_Paulo'],
  ])('suggests the zone a near miss %j means: %s', (value, suggestion) => {
    expect(checkTimeZone(value)).toEqual({
      ok: false,
      problem: `${JSON.stringify(value)} is not an IANA time zone`,
      fix: `Did you mean ${suggestion}?`,
      suggestion,
    });
  });

  it('shortens a long refused value in the problem', () => {
    const check = checkTimeZone(`Europe/${'x'.repeat(100)}`);
    expect(check).toEqual({
      ok: false,
      problem: `"Europe/${'x'.repeat(50)}..." is not an IANA time zone`,
      fix: 'Pass a name like Europe/Rome, America/New_York or UTC.',
    });
  });
});
