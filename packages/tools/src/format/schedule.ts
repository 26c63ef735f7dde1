import type { Schedule } from '@calcom-int/core';
import { quoteUntrusted } from './untrusted';

/**
 * Formats a schedule: a headline, then one line per weekly rule and per date override.
 *
 * @param schedule The schedule.
 * @returns The lines.
 */
export function formatSchedule(schedule: Schedule): string {
  const head = `schedule_id ${schedule.id} | ${quoteUntrusted(schedule.name)} | ${schedule.timeZone}${schedule.isDefault ? ' | default' : ''}`;
  const weekly = schedule.availability.map((rule) => `  ${rule.days.join(', ')} ${rule.startTime}-${rule.endTime}`);
  const overrides = schedule.overrides.map((rule) => `  on ${rule.date} ${rule.startTime}-${rule.endTime}`);
  return [head, ...(weekly.length > 0 ? weekly : ['  no weekly hours']), ...overrides].join('\n');
}
