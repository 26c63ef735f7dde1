import type { ConfirmationPolicy, EventTypeOutput } from '../../dto/event-type';
import { buildEventType } from '../../fixtures/event-type';
import { CONFIRMATION_POLICY_TYPES } from '../../generated/spec-facts.generated';
import { ok, type Route, type RouteContext, requireUser } from '../context';
import { badRequestError, conflictError, notFoundError } from '../http-error';
import { type Shape, validateBody, validateQuery } from '../validation';

const EVENT_TYPES_VERSION = ['2024-06-14'] as const;
const SORT_ORDERS = ['asc', 'desc'] as const;

/**
 * Refuses the `GET /v2/event-types` parameters the simulator does not model, each with a 400 naming it: `usernames`
 * (the dynamic group event type) and `orgSlug`/`orgId` (organizations).
 *
 * @param query The validated query.
 */
function refuseUnmodelled(query: Record<string, unknown>): void {
  if (query.usernames !== undefined) {
    throw badRequestError(
      'usernames: the simulator does not model the dynamic group event type; ask GET /v2/slots?usernames=a,b for the free slots of a group instead.',
    );
  }
  for (const name of ['orgSlug', 'orgId'] as const) {
    if (query[name] !== undefined) {
      throw badRequestError(`${name}: the simulator models no organizations. Leave ${name} out.`);
    }
  }
}

/**
 * Orders event types by creation for `sortCreatedAt`: the simulator gives ids in creation order, so it sorts by id;
 * without the parameter the stored order is kept ("no explicit ordering", the document says).
 *
 * @param eventTypes The event types.
 * @param order `asc`, `desc` or `undefined`.
 * @returns The event types in that order.
 */
export function sortByCreation<T extends { id: number }>(eventTypes: T[], order: unknown): T[] {
  if (order === undefined) return eventTypes;
  const direction = order === 'desc' ? -1 : 1;
  return [...eventTypes].sort((left, right) => direction * (left.id - right.id));
}

/**
 * Finds an event type of the authenticated user; another user's event type is a 404 like an unknown id.
 *
 * @param context The route context.
 * @returns The event type.
 */
export function ownEventType(context: RouteContext): EventTypeOutput {
  const user = requireUser(context);
  const eventType = context.data.eventTypes.find(
    (candidate) => String(candidate.id) === context.params.eventTypeId && candidate.ownerId === user.id,
  );
  if (eventType === undefined) throw notFoundError(`Event type with id ${context.params.eventTypeId} not found.`);
  return eventType;
}

/**
 * Checks that the lengths a booker may choose include the default length ("Must include the provided
 * `lengthInMinutes`", the spec's description of `lengthInMinutesOptions`); an empty list means one length only.
 * The wording of the 400 is the simulator's own.
 *
 * @param lengthInMinutes The default length.
 * @param options The lengths to choose from, if any.
 */
function assertLengthOptions(lengthInMinutes: number, options: readonly number[] | undefined): void {
  if (options !== undefined && options.length > 0 && !options.includes(lengthInMinutes)) {
    throw badRequestError(
      `lengthInMinutesOptions (${options.join(', ')}) must include lengthInMinutes (${lengthInMinutes}).`,
    );
  }
}

function eventTypeShape(required: boolean): Shape {
  return {
    lengthInMinutes: { type: 'integer', required, min: 1 },
    lengthInMinutesOptions: { type: 'array', items: { type: 'integer', min: 1 } },
    title: { type: 'string', required },
    slug: { type: 'string', required },
    description: { type: 'string' },
    slotInterval: { type: 'integer', min: 1 },
    minimumBookingNotice: { type: 'integer', min: 0 },
    beforeEventBuffer: { type: 'integer', min: 0 },
    afterEventBuffer: { type: 'integer', min: 0 },
    scheduleId: { type: 'integer' },
    hidden: { type: 'boolean' },
    disableGuests: { type: 'boolean' },
    lockTimeZoneToggleOnBookingPage: { type: 'boolean' },
    bookingRequiresAuthentication: { type: 'boolean' },
    confirmationPolicy: {
      type: 'nested',
      shape: {
        type: { type: 'enum', values: CONFIRMATION_POLICY_TYPES, required: true },
        blockUnconfirmedBookingsInBooker: { type: 'boolean', required: true },
        noticeThreshold: { type: 'object' },
      },
    },
    metadata: { type: 'object' },
  };
}

/** Personal event types (`cal-api-version: 2024-06-14`). */
export const eventTypeRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v2/event-types',
    versions: EVENT_TYPES_VERSION,
    auth: 'optional',
    handle(context) {
      const query = validateQuery(context.query, {
        username: { type: 'string' },
        eventSlug: { type: 'string' },
        usernames: { type: 'string' },
        orgSlug: { type: 'string' },
        orgId: { type: 'integer' },
        sortCreatedAt: { type: 'enum', values: SORT_ORDERS },
      });
      refuseUnmodelled(query);
      const username = query.username as string | undefined;
      const owner =
        username === undefined ? requireUser(context) : context.data.users.find((user) => user.username === username);
      if (owner === undefined) return ok([]);
      const includeHidden = context.user?.id === owner.id;
      const slug = query.eventSlug as string | undefined;
      return ok(
        sortByCreation(
          context.data.eventTypes.filter(
            (eventType) =>
              eventType.ownerId === owner.id &&
              (includeHidden || !eventType.hidden) &&
              (slug === undefined || eventType.slug === slug),
          ),
          query.sortCreatedAt,
        ),
      );
    },
  },
  {
    method: 'POST',
    pattern: '/v2/event-types',
    versions: EVENT_TYPES_VERSION,
    auth: 'required',
    handle(context) {
      const user = requireUser(context);
      const input = validateBody(context.body, eventTypeShape(true));
      assertLengthOptions(input.lengthInMinutes as number, input.lengthInMinutesOptions as number[] | undefined);
      if (context.data.eventTypes.some((eventType) => eventType.ownerId === user.id && eventType.slug === input.slug)) {
        throw conflictError(`User with id=${user.id} already has an event type with slug=${String(input.slug)}`);
      }
      const { confirmationPolicy, ...rest } = input;
      const eventType = buildEventType({
        ...(rest as Partial<EventTypeOutput>),
        id: context.data.nextIds.eventType++,
        ownerId: user.id,
        description: (input.description as string | undefined) ?? '',
        minimumBookingNotice: (input.minimumBookingNotice as number | undefined) ?? 0,
        users: [
          {
            id: user.id,
            name: user.name,
            username: user.username,
            avatarUrl: user.avatarUrl,
            weekStart: user.weekStart,
            brandColor: null,
            darkBrandColor: null,
            metadata: null,
          },
        ],
        bookingUrl: `https://cal.com/${user.username}/${String(input.slug)}`,
        ...(confirmationPolicy === undefined ? {} : { confirmationPolicy: confirmationPolicy as ConfirmationPolicy }),
      });
      context.data.eventTypes.push(eventType);
      return ok(eventType, 201);
    },
  },
  {
    method: 'GET',
    pattern: '/v2/event-types/:eventTypeId',
    versions: EVENT_TYPES_VERSION,
    auth: 'required',
    handle: (context) => ok(ownEventType(context)),
  },
  {
    method: 'PATCH',
    pattern: '/v2/event-types/:eventTypeId',
    versions: EVENT_TYPES_VERSION,
    auth: 'required',
    handle(context) {
      const eventType = ownEventType(context);
      const patch = validateBody(context.body, eventTypeShape(false));
      assertLengthOptions(
        (patch.lengthInMinutes as number | undefined) ?? eventType.lengthInMinutes,
        (patch.lengthInMinutesOptions as number[] | undefined) ?? eventType.lengthInMinutesOptions,
      );
      Object.assign(eventType, patch);
      if (patch.slug !== undefined) eventType.bookingUrl = eventType.bookingUrl.replace(/[^/]+$/, String(patch.slug));
      return ok(eventType);
    },
  },
  {
    method: 'DELETE',
    pattern: '/v2/event-types/:eventTypeId',
    versions: EVENT_TYPES_VERSION,
    auth: 'required',
    handle(context) {
      const eventType = ownEventType(context);
      context.data.eventTypes.splice(context.data.eventTypes.indexOf(eventType), 1);
      const { id, lengthInMinutes, title, slug } = eventType;
      return ok({ id, lengthInMinutes, title, slug });
    },
  },
];
