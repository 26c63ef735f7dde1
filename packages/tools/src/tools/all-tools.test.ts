import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { defineTool } from '../define-tool';
import { toInputJsonSchema } from '../to-input-json-schema';
import { calComTools } from './all-tools';
import * as toolExports from './index';

const READ_ONLY = [
  'get_user_profile',
  'list_event_types',
  'get_event_type',
  'list_private_links',
  'list_availability',
  'get_busy_times',
  'get_routing_form_slots',
  'list_schedules',
  'list_bookings',
  'get_booking',
  'get_booking_links',
  'list_teams',
  'get_team',
  'list_webhooks',
];
const DESTRUCTIVE = [
  'reschedule_booking',
  'cancel_booking',
  'decline_booking',
  'delete_event_type',
  'delete_private_link',
  'delete_schedule',
  'delete_webhook',
];

describe('tool definitions', () => {
  it('exports each definition under the camelCase of its name, as docs/INTERFACES.md says', () => {
    const exported = toolExports as Readonly<Record<string, unknown>>;
    for (const tool of calComTools) {
      const name = tool.name.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
      expect(exported[name], name).toBe(tool);
    }
  });

  it('has the public tool names in order', () => {
    expect(calComTools.map((tool) => tool.name)).toEqual([
      'get_user_profile',
      'list_event_types',
      'get_event_type',
      'create_event_type',
      'update_event_type',
      'delete_event_type',
      'list_private_links',
      'create_private_link',
      'update_private_link',
      'delete_private_link',
      'list_availability',
      'get_busy_times',
      'get_routing_form_slots',
      'list_schedules',
      'create_schedule',
      'update_schedule',
      'delete_schedule',
      'list_bookings',
      'get_booking',
      'get_booking_links',
      'create_booking',
      'reschedule_booking',
      'cancel_booking',
      'confirm_booking',
      'decline_booking',
      'add_booking_guests',
      'update_booking_location',
      'mark_no_show',
      'reassign_booking',
      'list_teams',
      'get_team',
      'update_user_timezone',
      'list_webhooks',
      'create_webhook',
      'delete_webhook',
    ]);
  });

  it.each(calComTools.map((tool) => [tool.name, tool] as const))('%s: name, description, annotations', (_, tool) => {
    expect(tool.name).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(tool.name.length).toBeLessThanOrEqual(51);
    expect(tool.description).toMatch(/WORKFLOW: .+/);
    expect(Object.keys(tool.annotations).sort()).toEqual([
      'destructiveHint',
      'idempotentHint',
      'openWorldHint',
      'readOnlyHint',
      'title',
    ]);
    expect(tool.annotations.readOnlyHint).toBe(READ_ONLY.includes(tool.name));
    expect(tool.annotations.destructiveHint).toBe(DESTRUCTIVE.includes(tool.name));
    expect(tool.annotations.openWorldHint).toBe(true);
    // One approval policy: every write needs a human's approval, every read runs without.
    expect(tool.needsApproval).toBe(!READ_ONLY.includes(tool.name));
  });

  it('derives needsApproval from readOnlyHint unless the definition sets it', () => {
    const base = {
      description: 'WORKFLOW: none.',
      input: v.strictObject({}),
      handler: async () => ({ text: '', structured: {} }),
    };
    const write = {
      title: 'W',
      readOnlyHint: false,
      destructiveHint: false,
      idempotentHint: true,
      openWorldHint: true,
    };
    expect(defineTool({ ...base, name: 'w', annotations: write }).needsApproval).toBe(true);
    expect(defineTool({ ...base, name: 'w', annotations: write, needsApproval: false }).needsApproval).toBe(false);
    expect(
      defineTool({ ...base, name: 'r', annotations: { ...write, readOnlyHint: true }, needsApproval: true })
        .needsApproval,
    ).toBe(true);
  });

  it.each(calComTools.map((tool) => [tool.name, tool] as const))('%s: input JSON Schema', (_, tool) => {
    const schema = toInputJsonSchema(tool);
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(schema).not.toHaveProperty('$schema');
    expect(schema).toMatchSnapshot();
  });

  it('caches the conversion', () => {
    const [first] = calComTools;
    expect(first && toInputJsonSchema(first)).toBe(first && toInputJsonSchema(first));
  });

  it('breaks loudly when a schema cannot be converted', () => {
    const broken = defineTool({
      name: 'broken',
      description: 'WORKFLOW: none.',
      input: v.strictObject({ when: v.date() }),
      annotations: {
        title: 'Broken',
        readOnlyHint: true,
        destructiveHint: false,
        idempotentHint: true,
        openWorldHint: true,
      },
      handler: async () => ({ text: '', structured: {} }),
    });
    expect(() => toInputJsonSchema(broken)).toThrow('The "date" schema cannot be converted to JSON Schema.');
  });

  it('refuses a root that is not an object', () => {
    const notObject = { name: 'not_object', input: v.string() } as unknown as Parameters<typeof toInputJsonSchema>[0];
    expect(() => toInputJsonSchema(notObject)).toThrow(
      'Tool not_object: the input schema root must be an object (use v.strictObject).',
    );
  });
});
