import { type CalComClient, CalComValidationError } from '@calcom-int/core';
import {
  DateOrTimeInputSchema,
  EmailInputSchema,
  IdInputSchema,
  LengthInMinutesInputSchema,
  MAX_NAME_LENGTH,
  MAX_NOTE_LENGTH,
  PageSizeInputSchema,
  RoutingFormResponsesInputSchema,
  SkipInputSchema,
  SlugInputSchema,
  TimeInputSchema,
  TimeZoneInputSchema,
  textInputSchema,
  UidInputSchema,
  UsernameInputSchema,
} from '@calcom-int/core/schemas';
import type * as v from 'valibot';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestClient, createTestContext, expectFailure, useFixedSimulator } from '../../test/support';
import { BOOKING_INPUT } from '../../test/tool-inputs';
import type { CalComTool } from '../define-tool';
import { runTool } from '../run-tool';
import { calComTools } from './all-tools';

// One input rule per field: every tool field that fills a client param (its `coreFields`) is checked by the client's
// own rule, the same schema object from `@calcom-int/core/schemas`, and refuses a bad value with the same words.

/** The client's rule for each param path the tools fill. */
const CLIENT_RULES: Readonly<Record<string, readonly v.GenericSchema[]>> = {
  // A numeric id (event types, teams, schedules) or a string id (webhooks).
  id: [IdInputSchema, UidInputSchema],
  eventTypeId: [IdInputSchema],
  teamId: [IdInputSchema],
  ownerId: [IdInputSchema],
  userId: [IdInputSchema],
  uid: [UidInputSchema],
  username: [UsernameInputSchema],
  eventTypeSlug: [SlugInputSchema],
  teamSlug: [SlugInputSchema],
  // A range tool may take a bare date (a whole UTC day), which it turns into the client's time (`toRangeBound`).
  start: [TimeInputSchema, DateOrTimeInputSchema],
  end: [TimeInputSchema, DateOrTimeInputSchema],
  afterStart: [TimeInputSchema, DateOrTimeInputSchema],
  beforeEnd: [TimeInputSchema, DateOrTimeInputSchema],
  timeZone: [TimeZoneInputSchema],
  'attendee.timeZone': [TimeZoneInputSchema],
  'attendee.email': [EmailInputSchema],
  'attendee.name': [textInputSchema(MAX_NAME_LENGTH)],
  notes: [textInputSchema(MAX_NOTE_LENGTH)],
  reason: [textInputSchema(MAX_NOTE_LENGTH)],
  limit: [PageSizeInputSchema],
  skip: [SkipInputSchema],
  title: [textInputSchema(MAX_NAME_LENGTH)],
  name: [textInputSchema(MAX_NAME_LENGTH)],
  lengthInMinutes: [LengthInMinutesInputSchema],
  scheduleId: [IdInputSchema],
  expiresAt: [TimeInputSchema],
  secret: [textInputSchema(MAX_NAME_LENGTH)],
  attendeeEmail: [EmailInputSchema],
  attendeeName: [textInputSchema(MAX_NAME_LENGTH)],
  seatUid: [UidInputSchema],
  formId: [UidInputSchema],
  responses: [RoutingFormResponsesInputSchema],
  duration: [LengthInMinutesInputSchema],
};

/**
 * Client params whose check is not a shared schema object: written by hand in the resource (a slug pattern, a
 * boolean, a list of the client's own objects the tool takes in its own snake_case shape), so only the field is checked.
 */
const CHECKED_BY_HAND: ReadonlySet<string> = new Set([
  'slug',
  'description',
  'hidden',
  'patch',
  'linkId',
  'maxUsageCount',
  'isDefault',
  'availability',
  'overrides',
  'subscriberUrl',
  'triggers',
  'active',
  // list_bookings' sort names the param and the order in one value; create_booking's details (a list of emails, the
  // location by type, answers and metadata keyed by the caller) are checked by core's booking-location/-fields.
  'sortStart',
  'sortCreated',
  'guests',
  'location',
  'bookingFieldsResponses',
  'metadata',
  // A recurring booking's count is bounded by the event type (core's booking-recurrence); cancel_following a boolean.
  'recurrenceCount',
  'cancelSubsequent',
]);

/** A schema's parts: itself, what it wraps (`v.optional`) and the items of its pipes, recursively. */
function partsOf(schema: unknown, found = new Set<unknown>()): Set<unknown> {
  if (typeof schema !== 'object' || schema === null || found.has(schema)) return found;
  found.add(schema);
  const node = schema as { wrapped?: unknown; pipe?: readonly unknown[] };
  if (node.wrapped !== undefined) partsOf(node.wrapped, found);
  for (const item of node.pipe ?? []) partsOf(item, found);
  return found;
}

/**
 * Whether a tool field uses a client rule: the rule's schema object itself, or every check of its pipe (a field with a
 * description of its own placed before a transformation rebuilds the pipe around the same check objects).
 */
function usesRule(field: unknown, rule: v.GenericSchema): boolean {
  const parts = partsOf(field);
  if (parts.has(rule)) return true;
  const checks = (rule as { pipe?: readonly unknown[] }).pipe?.slice(1) ?? [];
  return checks.length > 0 && checks.every((check) => parts.has(check));
}

/** The fields of a tool's input: its strict object, also when piped through cross-field checks. */
function fieldsOf(tool: CalComTool): Readonly<Record<string, unknown>> {
  const root = tool.input as {
    entries?: Record<string, unknown>;
    pipe?: readonly { entries?: Record<string, unknown> }[];
  };
  const entries = root.entries ?? root.pipe?.[0]?.entries;
  if (entries === undefined) throw new Error(`${tool.name}: its input is not a strict object`);
  return entries;
}

describe('tool fields use the client’s input rules', () => {
  const mapped = calComTools.flatMap((tool) =>
    Object.entries(tool.coreFields ?? {}).map(([path, field]) => [tool.name, path, field, tool] as const),
  );

  it('covers every tool that fills client params', () => {
    const covered = new Set(mapped.map(([name]) => name));
    for (const name of [
      'list_event_types',
      'get_event_type',
      'list_availability',
      'get_busy_times',
      'get_routing_form_slots',
      'list_bookings',
      'get_booking',
      'create_booking',
      'reschedule_booking',
      'cancel_booking',
      'confirm_booking',
      'decline_booking',
      'get_team',
      'update_user_timezone',
    ]) {
      expect(covered.has(name), name).toBe(true);
    }
  });

  it.each(mapped)('%s: client param %s is the field %s, checked by the client’s rule', (_name, path, field, tool) => {
    const schema = fieldsOf(tool)[field];
    expect(schema, `${field} is not an input field`).toBeDefined();
    if (CHECKED_BY_HAND.has(path)) return;
    const rules = CLIENT_RULES[path];
    expect(rules, `no client rule listed for ${path}`).toBeDefined();
    expect((rules ?? []).some((rule) => usesRule(schema, rule))).toBe(true);
  });

  it('tells a field that restates a rule from one that uses it', () => {
    expect(usesRule(textInputSchema(MAX_NOTE_LENGTH), textInputSchema(MAX_NOTE_LENGTH))).toBe(true);
    expect(usesRule(textInputSchema(MAX_NAME_LENGTH), textInputSchema(MAX_NOTE_LENGTH))).toBe(false);
    expect(usesRule({ type: 'string', pipe: [] }, EmailInputSchema)).toBe(false);
  });
});

describe('the same bad value gets the same problem, under the tool’s field and under the client’s', () => {
  beforeEach(() => useFixedSimulator());

  const cases: readonly {
    readonly tool: string;
    readonly input: Record<string, unknown>;
    readonly field: string;
    readonly call: (client: CalComClient) => Promise<unknown>;
    readonly path: string;
  }[] = [
    {
      tool: 'create_booking',
      input: { ...BOOKING_INPUT, attendee_email: 'grace' },
      field: 'attendee_email',
      call: (client) =>
        client.bookings.create({
          eventTypeId: 3002,
          start: BOOKING_INPUT.start_time,
          attendee: { name: 'Grace Hopper', email: 'grace', timeZone: 'UTC' },
        }),
      path: 'attendee.email',
    },
    {
      tool: 'create_booking',
      input: { ...BOOKING_INPUT, start_time: '2026-11-26T12:00:00' },
      field: 'start_time',
      call: (client) =>
        client.bookings.create({
          eventTypeId: 3002,
          start: '2026-11-26T12:00:00',
          attendee: { name: 'Grace Hopper', email: 'grace@example.com', timeZone: 'UTC' },
        }),
      path: 'start',
    },
    {
      tool: 'reschedule_booking',
      input: { booking_id: 'abc', new_start_time: '2026-11-24T13:00:00Z', new_end_time: '2026-11-24T13:30:00Z' },
      field: 'new_start_time',
      call: (client) => client.bookings.reschedule('abc', { start: '2026-11-24T13:00:00Z' }),
      path: 'start',
    },
    {
      tool: 'get_booking',
      input: { booking_id: 'booking 12' },
      field: 'booking_id',
      call: (client) => client.bookings.get('booking 12'),
      path: 'uid',
    },
    {
      tool: 'cancel_booking',
      input: { booking_id: 'abc', cancellation_reason: ' ' },
      field: 'cancellation_reason',
      call: (client) => client.bookings.cancel('abc', { reason: ' ' }),
      path: 'reason',
    },
    {
      tool: 'get_event_type',
      input: { event_type_id: -3 },
      field: 'event_type_id',
      call: (client) => client.eventTypes.get(-3),
      path: 'id',
    },
    {
      // Below the range: a page size above it gets each surface's own way to see more (list-bookings.test.ts).
      tool: 'list_bookings',
      input: { limit: 0 },
      field: 'limit',
      call: (client) => client.bookings.list({ limit: 0 }),
      path: 'limit',
    },
    {
      tool: 'update_user_timezone',
      input: { timezone: 'EST' },
      field: 'timezone',
      call: (client) => client.me.update({ timeZone: 'EST' }),
      path: 'timeZone',
    },
  ];

  it.each(cases)('$tool names $field where the client names $path', async ({ tool, input, field, call, path }) => {
    const definition = calComTools.find((candidate) => candidate.name === tool);
    if (definition === undefined) throw new Error(`no tool ${tool}`);
    const refused = expectFailure(await runTool(definition, input, createTestContext()));
    const toolIssue = refused.error.issues?.[0];
    expect(refused.error.issues).toHaveLength(1);
    expect(toolIssue?.field).toBe(field);

    const error = await call(createTestClient()).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(CalComValidationError);
    const issues = (error as CalComValidationError).issues;
    expect(issues).toEqual([{ path, message: toolIssue?.message }]);
    expect((error as CalComValidationError).message).toBe(
      `Invalid ${path}: ${toolIssue?.message} Nothing was sent to Cal.com.`,
    );
    expect(refused.text).toContain(`${field}: ${toolIssue?.message}`);
    expect(refused.text).not.toContain(`Invalid ${path}`);
  });
});
