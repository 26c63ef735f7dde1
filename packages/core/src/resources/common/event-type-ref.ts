import { IdInputSchema, SlugInputSchema, UsernameInputSchema } from '../../models/input';
import { invalidField, parseField } from './validate';

/**
 * How a call names an event type (docs/CALCOM-API.md §7.3, §7.5): by id; by its slug and its owner's username; or by
 * its slug and its team's slug. `organizationSlug` goes with a slug inside an organization.
 */
export type EventTypeReference =
  | {
      /** The event type id (personal or team). */
      readonly eventTypeId: number;
      readonly eventTypeSlug?: undefined;
      readonly username?: undefined;
      readonly teamSlug?: undefined;
      readonly organizationSlug?: undefined;
    }
  | {
      /** The event type's slug. */
      readonly eventTypeSlug: string;
      /** The username of the user who owns it. */
      readonly username: string;
      /** The organization the user belongs to, if any. */
      readonly organizationSlug?: string;
      readonly eventTypeId?: undefined;
      readonly teamSlug?: undefined;
    }
  | {
      /** The team event type's slug. */
      readonly eventTypeSlug: string;
      /** The slug of the team that owns it. */
      readonly teamSlug: string;
      /** The organization the team belongs to, if any. */
      readonly organizationSlug?: string;
      readonly eventTypeId?: undefined;
      readonly username?: undefined;
    };

/** An {@link EventTypeReference} after its checks. */
export type CheckedReference =
  | { readonly kind: 'id'; readonly eventTypeId: number }
  | {
      readonly kind: 'user';
      readonly eventTypeSlug: string;
      readonly username: string;
      readonly organizationSlug?: string;
    }
  | {
      readonly kind: 'team';
      readonly eventTypeSlug: string;
      readonly teamSlug: string;
      readonly organizationSlug?: string;
    };

const WAYS = 'Pass eventTypeId, or eventTypeSlug with username (a user’s event type) or with teamSlug (a team’s).';

/** Checks how an event type is named: exactly one of the three forms, each field well-formed. */
export function checkEventTypeReference(params: object): CheckedReference {
  const input = params as Readonly<Record<string, unknown>>;
  const given = (name: string) => input[name] !== undefined;
  if (given('eventTypeId')) {
    const extra = ['eventTypeSlug', 'username', 'teamSlug', 'organizationSlug'].find(given);
    if (extra !== undefined) {
      throw invalidField(extra, 'was given together with eventTypeId', 'Name the event type one way only: drop one.');
    }
    return { kind: 'id', eventTypeId: parseField(IdInputSchema, input.eventTypeId, 'eventTypeId') };
  }
  if (!given('eventTypeSlug')) {
    throw invalidField(
      given('username') || given('teamSlug') ? 'eventTypeSlug' : 'eventTypeId',
      'no event type was given',
      WAYS,
    );
  }
  const eventTypeSlug = parseField(SlugInputSchema, input.eventTypeSlug, 'eventTypeSlug');
  const organization =
    input.organizationSlug === undefined
      ? {}
      : { organizationSlug: parseField(SlugInputSchema, input.organizationSlug, 'organizationSlug') };
  if (given('username') && given('teamSlug')) {
    throw invalidField(
      'teamSlug',
      'was given together with username',
      'Give username for a user’s event type or teamSlug for a team’s, not both.',
    );
  }
  if (given('teamSlug')) {
    return {
      kind: 'team',
      eventTypeSlug,
      teamSlug: parseField(SlugInputSchema, input.teamSlug, 'teamSlug'),
      ...organization,
    };
  }
  if (given('username')) {
    return {
      kind: 'user',
      eventTypeSlug,
      username: parseField(UsernameInputSchema, input.username, 'username'),
      ...organization,
    };
  }
  throw invalidField('username', 'is missing: eventTypeSlug needs the owner', WAYS);
}

/** The fields that name the event type in a `GET /v2/slots` query or a `POST /v2/bookings` body (the same names). */
export function referenceFields(reference: CheckedReference): Record<string, string | number> {
  const { kind: _kind, ...fields } = reference;
  return fields;
}
