// One time-zone rule for calcom-int: core's input checks, the agent tools' schema and the testkit simulator all use
// this module. It imports nothing, so the simulator (which must not depend on core at run time) bundles this file.

/** The result of {@link checkTimeZone}. */
export type TimeZoneCheck =
  | {
      /** The value names a time zone. */
      readonly ok: true;
      /** The IANA name to use: case corrected, a legacy link (`US/Eastern`) replaced by its zone. */
      readonly timeZone: string;
    }
  | {
      /** The value does not name a time zone this rule accepts. */
      readonly ok: false;
      /** What is wrong, e.g. `"CET" is an abbreviation, not an IANA time zone`. */
      readonly problem: string;
      /** How to fix it, e.g. `Use the zone of the place, e.g. Europe/Berlin, Europe/Paris or Europe/Rome.` */
      readonly fix: string;
      /** The zone the caller most likely meant (`America/New_York` for `America/NewYork`), when there is one. */
      readonly suggestion?: string;
    };

/** The example zones every refusal names. */
const EXAMPLES = 'a name like Europe/Rome, America/New_York or UTC';

/**
 * Current IANA names that Node 20's ICU (CLDR) lists under an older name (`Asia/Calcutta` for `Asia/Kolkata`). They are
 * kept as spelled and offered as suggestions.
 */
const CURRENT_IANA_NAMES = [
  'Africa/Asmara',
  'America/Argentina/Buenos_Aires',
  'America/Argentina/Catamarca',
  'America/Argentina/Cordoba',
  'America/Argentina/Jujuy',
  'America/Argentina/Mendoza',
  'America/Atikokan',
  'America/Indiana/Indianapolis',
  'America/Kentucky/Louisville',
  'America/Nuuk',
  'Asia/Ho_Chi_Minh',
  'Asia/Kathmandu',
  'Asia/Kolkata',
  'Asia/Yangon',
  'Atlantic/Faroe',
  'Europe/Kyiv',
  'Pacific/Chuuk',
  'Pacific/Kanton',
  'Pacific/Pohnpei',
];

/** The IANA areas of place names (`Europe/Rome`); names under them are kept as spelled, not replaced by a link target. */
const PLACE_AREAS = new Set([
  'africa',
  'america',
  'antarctica',
  'arctic',
  'asia',
  'atlantic',
  'australia',
  'europe',
  'indian',
  'pacific',
]);

/** Names of UTC itself. */
const UTC_NAMES = new Set(['utc', 'etc/utc', 'uct', 'etc/uct', 'universal', 'etc/universal', 'zulu', 'etc/zulu']);

/** Names that people read as either UTC or UK time. */
const GMT_NAMES = new Set([
  'gmt',
  'etc/gmt',
  'gmt0',
  'etc/gmt0',
  'gmt+0',
  'etc/gmt+0',
  'gmt-0',
  'etc/gmt-0',
  'greenwich',
]);

/** Abbreviations (and IANA's legacy abbreviation zones such as `CET` and `EST5EDT`) with the zones people mean by them. */
const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  CET: ['Europe/Berlin', 'Europe/Paris', 'Europe/Rome'],
  CEST: ['Europe/Berlin', 'Europe/Paris', 'Europe/Rome'],
  MET: ['Europe/Berlin', 'Europe/Paris', 'Europe/Rome'],
  MEST: ['Europe/Berlin', 'Europe/Paris', 'Europe/Rome'],
  EET: ['Europe/Athens', 'Europe/Helsinki', 'Africa/Cairo'],
  EEST: ['Europe/Athens', 'Europe/Helsinki'],
  WET: ['Europe/Lisbon', 'Atlantic/Canary'],
  WEST: ['Europe/Lisbon', 'Atlantic/Canary'],
  BST: ['Europe/London'],
  IST: ['Asia/Kolkata', 'Europe/Dublin', 'Asia/Jerusalem'],
  MSK: ['Europe/Moscow'],
  EST: ['America/New_York', 'America/Toronto'],
  EDT: ['America/New_York', 'America/Toronto'],
  EST5EDT: ['America/New_York'],
  CST: ['America/Chicago', 'America/Mexico_City', 'Asia/Shanghai'],
  CDT: ['America/Chicago'],
  CST6CDT: ['America/Chicago'],
  MST: ['America/Denver', 'America/Phoenix'],
  MDT: ['America/Denver'],
  MST7MDT: ['America/Denver'],
  PST: ['America/Los_Angeles'],
  PDT: ['America/Los_Angeles'],
  PST8PDT: ['America/Los_Angeles'],
  AKST: ['America/Anchorage'],
  HST: ['Pacific/Honolulu'],
  JST: ['Asia/Tokyo'],
  KST: ['Asia/Seoul'],
  SGT: ['Asia/Singapore'],
  HKT: ['Asia/Hong_Kong'],
  AEST: ['Australia/Sydney', 'Australia/Brisbane'],
  AEDT: ['Australia/Sydney'],
  ACST: ['Australia/Adelaide', 'Australia/Darwin'],
  AWST: ['Australia/Perth'],
  NZST: ['Pacific/Auckland'],
  NZDT: ['Pacific/Auckland'],
};

/** `+01:00`, `-5`, `UTC+1`, `GMT-05:00`, `Etc/GMT+5`, with ASCII or Unicode minus. */
const OFFSET_PATTERN = /^(?:(?:etc\/)?(?:utc|gmt))?\s*[+\-\u2212]\s*\d{1,2}(?::?\d{2})?$/i;

let knownNames: Map<string, string> | undefined;

/**
 * The names this runtime knows, by lower case: `Intl.supportedValuesOf('timeZone')`, `UTC` and the current IANA names
 * ICU lists under older ones.
 */
function known(): Map<string, string> {
  if (knownNames === undefined) {
    const listed = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    knownNames = new Map();
    for (const name of [
      'UTC',
      ...listed,
      ...CURRENT_IANA_NAMES.filter((name) => resolveWithIntl(name) !== undefined),
    ]) {
      knownNames.set(name.toLowerCase(), name);
    }
  }
  return knownNames;
}

/**
 * Asks `Intl` for a zone.
 *
 * @returns The zone `Intl` resolves it to, or `undefined` when `Intl` refuses it.
 */
function resolveWithIntl(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** Reduces a name for loose comparison: lower case, without spaces, `_` and `-`. */
function loose(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

/**
 * The edit distance of two short strings (insertions, deletions, substitutions), stopping early above a limit.
 *
 * @returns The distance, or `limit + 1` when it is larger.
 */
function editDistance(left: string, right: string, limit: number): number {
  if (Math.abs(left.length - right.length) > limit) return limit + 1;
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let row = 1; row <= left.length; row += 1) {
    const current = [row];
    let smallest = row;
    for (let column = 1; column <= right.length; column += 1) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      const value = Math.min(
        (previous[column] ?? 0) + 1,
        (current[column - 1] ?? 0) + 1,
        (previous[column - 1] ?? 0) + cost,
      );
      current.push(value);
      smallest = Math.min(smallest, value);
    }
    if (smallest > limit) return limit + 1;
    previous = current;
  }
  return previous[right.length] ?? limit + 1;
}

/**
 * Finds the zone a near miss most likely means: the same name without spaces, `_` or `-` (`America/NewYork`), the
 * place alone (`New York`, `rome`), or a name within two typing errors (`Europe/Rmoe`).
 */
function nearestZone(value: string): string | undefined {
  const names = [...known().values()];
  const target = loose(value);
  if (target.length === 0) return undefined;
  const sameLoose = names.find((name) => loose(name) === target);
  if (sameLoose !== undefined) return sameLoose;
  const place = loose(value.split('/').at(-1) ?? value);
  const samePlace = names.filter((name) => loose(name.split('/').at(-1) ?? name) === place);
  if (samePlace.length > 0) {
    return samePlace.find((name) => CURRENT_IANA_NAMES.includes(name)) ?? samePlace[0];
  }
  let best: string | undefined;
  let bestDistance = 3;
  for (const name of names) {
    const distance = editDistance(value.toLowerCase(), name.toLowerCase(), 2);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/** Joins names for a sentence: `A`, `A or B`, `A, B or C`. */
function orList(names: readonly string[]): string {
  return names.length <= 2 ? names.join(' or ') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/**
 * Spells a name the way IANA does when only its case is off (`asia/kolkata` → `Asia/Kolkata`): each word capitalised.
 */
function ianaCase(name: string): string {
  return name.toLowerCase().replace(/(^|[/_-])([a-z])/g, (_match, separator: string, letter: string) => {
    return `${separator}${letter.toUpperCase()}`;
  });
}

/**
 * Checks a time zone and gives the IANA name to use, or what is wrong and how to fix it. The one rule of calcom-int:
 *
 * - IANA names are accepted in any case and canonicalised: `america/new_york` → `America/New_York`.
 * - Names of places (`Area/Place` under a continent or ocean) are kept as spelled: `Asia/Kolkata` and `Europe/Kyiv`
 *   stay, although Node 20's ICU calls them `Asia/Calcutta` and `Europe/Kiev`.
 * - Legacy links are replaced by their zone: `US/Eastern` → `America/New_York`, `Japan` → `Asia/Tokyo`; UTC's
 *   aliases (`Etc/UTC`, `Zulu`, `utc`) → `UTC`.
 * - Refused: abbreviations, also those IANA keeps as legacy zones (`CET`, `EST`, `EST5EDT`: a zone is a place whose
 *   offset follows its daylight-saving rules; `EST` never has summer time); `GMT` (pass `UTC` or `Europe/London`);
 *   offsets (`+01:00`, `UTC+1`, and `Etc/GMT+5`, which is UTC−5); names `Intl` does not know, with a "did you mean"
 *   for near misses (`America/NewYork`).
 *
 * Surrounding spaces are ignored.
 *
 * @example
 * ```ts
 * checkTimeZone('america/new_york'); // { ok: true, timeZone: 'America/New_York' }
 * checkTimeZone('America/NewYork'); // { ok: false, problem: '"America/NewYork" is not an IANA time zone', fix: 'Did you mean America/New_York?', suggestion: 'America/New_York' }
 * ```
 *
 * @param value The candidate.
 * @returns The IANA name, or the problem, its fix and a suggestion.
 */
export function checkTimeZone(value: unknown): TimeZoneCheck {
  if (typeof value !== 'string') {
    return { ok: false, problem: `expected a string, got ${typeof value}`, fix: `Pass ${EXAMPLES}.` };
  }
  const name = value.trim();
  const quoted = JSON.stringify(name.length > 60 ? `${name.slice(0, 57)}...` : name);
  if (name.length === 0) return { ok: false, problem: 'is empty', fix: `Pass ${EXAMPLES}.` };
  const lower = name.toLowerCase();
  if (UTC_NAMES.has(lower)) return { ok: true, timeZone: 'UTC' };
  if (GMT_NAMES.has(lower)) {
    return {
      ok: false,
      problem: `${quoted} is ambiguous: it reads as UTC or as UK time`,
      fix: 'Pass UTC for UTC, or Europe/London for UK time (GMT in winter, BST in summer).',
    };
  }
  if (OFFSET_PATTERN.test(name)) {
    const etc = /^etc\/gmt([+-])(\d{1,2})$/i.exec(name);
    const meaning = etc ? ` (IANA inverts the sign: it means UTC${etc[1] === '+' ? '-' : '+'}${etc[2]})` : '';
    return {
      ok: false,
      problem: `${quoted} is a fixed UTC offset${meaning}, not the time zone of a place, so it ignores daylight saving time`,
      fix: `Pass the IANA zone of the place, ${EXAMPLES}.`,
    };
  }
  const meant = ABBREVIATIONS[name.toUpperCase()];
  if (meant !== undefined) {
    return {
      ok: false,
      problem: `${quoted} is an abbreviation, not an IANA time zone (it does not say which place's daylight-saving rules apply)`,
      fix: `Pass the zone of the place, e.g. ${orList(meant)}.`,
      ...(meant.length === 1 && meant[0] !== undefined ? { suggestion: meant[0] } : {}),
    };
  }
  const listed = known().get(lower);
  if (listed !== undefined) return { ok: true, timeZone: listed };
  const resolved = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/.test(name) ? resolveWithIntl(name) : undefined;
  if (resolved !== undefined) {
    const area = lower.split('/')[0] ?? '';
    if (lower.includes('/') && PLACE_AREAS.has(area)) {
      return { ok: true, timeZone: /^[A-Z][^/]*(?:\/[A-Z][^/]*)*$/.test(name) ? name : ianaCase(name) };
    }
    return { ok: true, timeZone: resolved };
  }
  const suggestion = nearestZone(name);
  return suggestion === undefined
    ? { ok: false, problem: `${quoted} is not an IANA time zone`, fix: `Pass ${EXAMPLES}.` }
    : { ok: false, problem: `${quoted} is not an IANA time zone`, fix: `Did you mean ${suggestion}?`, suggestion };
}

/**
 * Gives the IANA name for a time zone under {@link checkTimeZone}'s rule, or `undefined` when it refuses the value.
 *
 * @example
 * ```ts
 * canonicalTimeZone('US/Eastern'); // 'America/New_York'
 * canonicalTimeZone('CET'); // undefined
 * ```
 *
 * @param value The candidate.
 * @returns The IANA name, or `undefined`.
 */
export function canonicalTimeZone(value: unknown): string | undefined {
  const check = checkTimeZone(value);
  return check.ok ? check.timeZone : undefined;
}
