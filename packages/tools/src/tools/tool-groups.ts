import type { CalComTool } from '../define-tool';
import { calComTools } from './all-tools';

/**
 * The tool groups, so a client loads only what it needs (`createCalComTools(client, { groups: ['bookings'] })`,
 * `calcom-mcp --tools bookings,teams`). Every tool is in exactly one group; a new tool adds its name here.
 */
export const TOOL_GROUPS = {
  profile: ['get_user_profile', 'update_user_timezone'],
  'event-types': [
    'list_event_types',
    'get_event_type',
    'create_event_type',
    'update_event_type',
    'delete_event_type',
    'list_private_links',
    'create_private_link',
    'update_private_link',
    'delete_private_link',
  ],
  availability: ['list_availability', 'get_busy_times', 'get_routing_form_slots'],
  schedules: ['list_schedules', 'create_schedule', 'update_schedule', 'delete_schedule'],
  bookings: [
    'list_bookings',
    'get_booking',
    'create_booking',
    'reschedule_booking',
    'cancel_booking',
    'confirm_booking',
    'decline_booking',
    'get_booking_links',
    'add_booking_guests',
    'update_booking_location',
    'mark_no_show',
    'reassign_booking',
  ],
  teams: ['list_teams', 'get_team'],
  webhooks: ['list_webhooks', 'create_webhook', 'delete_webhook'],
} as const satisfies Record<string, readonly string[]>;

/** A tool group name: `profile`, `event-types`, `availability`, `schedules`, `bookings`, `teams`, `webhooks`. */
export type ToolGroup = keyof typeof TOOL_GROUPS;

/** The group names, in the order of {@link TOOL_GROUPS}. */
export const TOOL_GROUP_NAMES = Object.keys(TOOL_GROUPS) as ToolGroup[];

/**
 * Picks the tools of the given groups, in the order of `tools`. An unknown group name throws an error that lists the
 * groups (a typo must not silently serve fewer tools).
 *
 * @example
 * ```ts
 * const tools = toolsInGroups(['bookings', 'teams']);
 * const server = createMcpServer({ client, tools });
 * ```
 *
 * @param groups The groups; an empty list gives no tools.
 * @param tools The tools to pick from; all of them by default.
 * @returns The tools of those groups.
 */
export function toolsInGroups(groups: readonly string[], tools: readonly CalComTool[] = calComTools): CalComTool[] {
  const unknown = groups.filter((group) => !Object.hasOwn(TOOL_GROUPS, group));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown tool group${unknown.length === 1 ? '' : 's'} ${unknown.map((group) => JSON.stringify(group)).join(', ')}. Use ${TOOL_GROUP_NAMES.join(', ')}.`,
    );
  }
  const names = new Set<string>(groups.flatMap((group) => TOOL_GROUPS[group as ToolGroup]));
  return tools.filter((tool) => names.has(tool.name));
}

/**
 * Reads a comma-separated group list such as the `--tools bookings,teams` flag of `calcom-mcp` (spaces and empty
 * items ignored; `all` means every group).
 *
 * @param value The list.
 * @returns The group names, checked.
 */
export function parseToolGroups(value: string): ToolGroup[] {
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0)
    throw new Error(`No tool group given. Use a comma-separated list of ${TOOL_GROUP_NAMES.join(', ')}, or all.`);
  if (items.includes('all')) return [...TOOL_GROUP_NAMES];
  toolsInGroups(items);
  return items as ToolGroup[];
}
