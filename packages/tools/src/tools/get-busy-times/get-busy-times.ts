import type { ConnectedCalendar } from '@calcom-int/core';
import * as v from 'valibot';
import { defineTool, readOnlyAnnotations } from '../../define-tool';
import { formatRange, plural, quoteUntrusted, toUtc } from '../../format';
import { requestOptions } from '../../request-options';
import { DateOrDateTimeSchema, MAX_RANGE_DAYS, rangeCheck, timeZoneSchema, toRangeBound } from '../../schemas';

/**
 * Names a calendar for the model: app, quoted name (someone may have named it), and its role.
 *
 * @param calendar The calendar.
 * @returns E.g. `Google Calendar "ada@example.com" (bookings go here)`.
 */
function describeCalendar(calendar: ConnectedCalendar): string {
  const roles = [calendar.destination ? 'bookings go here' : '', calendar.checkedForConflicts ? '' : 'not checked'];
  const role = roles.filter(Boolean).join(', ');
  return `${calendar.integrationTitle} ${quoteUntrusted(calendar.name)}${role === '' ? '' : ` (${role})`}`;
}

/** Lists the user's busy times across connected calendars. */
export const getBusyTimes = defineTool({
  name: 'get_busy_times',
  description:
    'When you are busy in a range, from your calendars connected to Cal.com (those checked for conflicts, and the one bookings go to): overlaps merged, UTC and local time. Dates: a bare date is a whole UTC day; ' +
    `at most ${MAX_RANGE_DAYS} days. WORKFLOW: check before proposing times; bookable slots come from list_availability.`,
  input: v.pipe(
    v.strictObject({
      start_date: v.pipe(DateOrDateTimeSchema, v.description('Range start, e.g. 2026-11-26.')),
      end_date: v.pipe(DateOrDateTimeSchema, v.description('Range end; a bare date includes that day.')),
      time_zone: v.optional(timeZoneSchema('IANA zone for local times; default your profile zone.')),
    }),
    rangeCheck({ start: 'start_date', end: 'end_date', maxDays: MAX_RANGE_DAYS, dates: true }),
  ),
  annotations: readOnlyAnnotations('Get busy times'),
  coreFields: { start: 'start_date', end: 'end_date' },
  async handler(input, context) {
    const options = requestOptions(context);
    const [busy, timeZone] = await Promise.all([
      context.client.calendars.busyTimes(
        { start: toRangeBound(input.start_date, 'start'), end: toRangeBound(input.end_date, 'end') },
        options,
      ),
      input.time_zone ?? context.client.me.get(options).then((user) => user.timeZone),
    ]);
    const range = formatRange(busy.start, busy.end, timeZone);
    const structured = {
      start: toUtc(busy.start),
      end: toUtc(busy.end),
      timeZone,
      calendars: busy.calendars.map((calendar) => ({
        credentialId: calendar.credentialId,
        externalId: calendar.externalId,
        integration: calendar.integration,
        destination: calendar.destination,
      })),
      busy: busy.merged.map((interval) => ({ start: toUtc(interval.start), end: toUtc(interval.end) })),
    };
    if (busy.calendars.length === 0) {
      return {
        text: `No calendar is connected to Cal.com (or none is checked for conflicts), so no busy times could be read for ${range}. Your Cal.com bookings are listed by list_bookings.`,
        structured,
      };
    }
    const calendars = `${plural(busy.calendars.length, 'calendar')}: ${busy.calendars.map(describeCalendar).join('; ')}`;
    if (busy.merged.length === 0) {
      return { text: `Free throughout ${range} (no busy time in ${calendars}).`, structured };
    }
    const lines = busy.merged.map((interval) => formatRange(interval.start, interval.end, timeZone));
    return {
      text: [`Busy ${plural(busy.merged.length, 'time')} in ${range} (${calendars}):`, ...lines].join('\n'),
      structured,
    };
  },
});
