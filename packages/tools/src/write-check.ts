/** A client call that tells whether a write happened, as core's `CalComUnknownOutcomeError.check` carries it. */
interface CheckFact {
  readonly operation: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly meaning: string;
}

function isCheckFact(value: unknown): value is CheckFact {
  const check = value as Partial<CheckFact> | null | undefined;
  return (
    typeof check === 'object' &&
    check !== null &&
    typeof check.operation === 'string' &&
    typeof check.params === 'object' &&
    check.params !== null &&
    typeof check.meaning === 'string'
  );
}

/** The tool call that does what each client check does (core's `CheckOperation`), with the tool's parameter names. */
const CHECK_CALLS: Readonly<Record<string, (params: Readonly<Record<string, unknown>>) => string>> = {
  'bookings.get': (params) => `get_booking with booking_id ${String(params.uid)}`,
  'bookings.list': (params) =>
    `list_bookings with start_date ${String(params.afterStart)} and end_date ${String(params.beforeEnd)} (look for event_type_id ${String(params.eventTypeId)} with attendee ${String(params.attendeeEmail)})`,
  'me.get': () => 'get_user_profile',
  'eventTypes.get': (params) => `get_event_type with event_type_id ${String(params.id)}`,
  'eventTypes.list': () => 'list_event_types',
  'eventTypes.privateLinks.list': (params) => `list_private_links with event_type_id ${String(params.id)}`,
  'schedules.get': () => 'list_schedules',
  'schedules.list': () => 'list_schedules',
  'webhooks.list': () => 'list_webhooks',
};

/**
 * Says how to check an ambiguous write in tool calls: core's check fact rendered with the tool that makes the same
 * call, or a generic look-up when the error carries no fact this runner knows.
 *
 * @param check The error's `check`.
 * @returns `Check with get_booking with booking_id x: …`.
 */
export function howToCheckWithTools(check: unknown): string {
  const call = isCheckFact(check) ? CHECK_CALLS[check.operation] : undefined;
  return call === undefined || !isCheckFact(check)
    ? 'Look the booking up with list_bookings or get_booking before trying again.'
    : `Check with ${call(check.params)}${check.meaning}`;
}
