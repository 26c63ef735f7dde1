import { describe, expect, it } from 'vitest';
import { calComTools } from './all-tools';
import { parseToolGroups, TOOL_GROUP_NAMES, TOOL_GROUPS, toolsInGroups } from './tool-groups';

describe('tool groups', () => {
  it('puts every tool in exactly one group, and names only real tools', () => {
    const grouped = Object.values(TOOL_GROUPS).flat();
    const names = calComTools.map((tool) => tool.name);
    expect(names.filter((name) => grouped.filter((candidate) => candidate === name).length !== 1)).toEqual([]);
    expect(grouped.filter((name) => !names.includes(name))).toEqual([]);
  });

  it('names the seven groups', () => {
    expect(TOOL_GROUP_NAMES).toEqual([
      'profile',
      'event-types',
      'availability',
      'schedules',
      'bookings',
      'teams',
      'webhooks',
    ]);
  });

  it('picks the tools of the given groups in the order agents see them', () => {
    expect(toolsInGroups(['teams', 'profile']).map((tool) => tool.name)).toEqual([
      'get_user_profile',
      'list_teams',
      'get_team',
      'update_user_timezone',
    ]);
    expect(toolsInGroups([])).toEqual([]);
  });

  it('refuses an unknown group, listing the groups', () => {
    expect(() => toolsInGroups(['booking', 'team'])).toThrow(
      'Unknown tool groups "booking", "team". Use profile, event-types, availability, schedules, bookings, teams, webhooks.',
    );
    expect(() => toolsInGroups(['toString'])).toThrow('Unknown tool group "toString".');
  });

  it('parses a --tools list', () => {
    expect(parseToolGroups(' bookings, teams ,')).toEqual(['bookings', 'teams']);
    expect(parseToolGroups('all')).toEqual(TOOL_GROUP_NAMES);
    expect(() => parseToolGroups(' , ')).toThrow(
      'No tool group given. Use a comma-separated list of profile, event-types, availability, schedules, bookings, teams, webhooks, or all.',
    );
    expect(() => parseToolGroups('bookngs')).toThrow('Unknown tool group "bookngs".');
  });
});
