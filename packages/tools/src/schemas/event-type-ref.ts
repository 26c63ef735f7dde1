import type { EventTypeReference } from '@calcom-int/core';
import { SlugInputSchema } from '@calcom-int/core/schemas';
import * as v from 'valibot';
import { NumericIdSchema, UsernameSchema } from './ids';
import { crossFieldCheck } from './range';

/**
 * The fields that name an event type: `event_type_id`, or `event_type_slug` with `username` (a user's) or `team_slug`
 * (a team's round-robin or collective event type). Exactly one form; {@link eventTypeReferenceCheck} says which.
 */
export const eventTypeReferenceFields = {
  event_type_id: v.optional(v.pipe(NumericIdSchema, v.description('From list_event_types.'))),
  event_type_slug: v.optional(v.pipe(SlugInputSchema, v.description('Or its slug, with username or team_slug.'))),
  username: v.optional(v.pipe(UsernameSchema, v.description('Slug owner.'))),
  team_slug: v.optional(v.pipe(SlugInputSchema, v.description('Slug team; Cal.com picks the host.'))),
};

/** The tool's event type fields. */
interface ReferenceInput {
  readonly event_type_id?: number | undefined;
  readonly event_type_slug?: string | undefined;
  readonly username?: string | undefined;
  readonly team_slug?: string | undefined;
}

const WAYS = 'give event_type_id, or event_type_slug with username or team_slug';

/** The tool fields that name an event type. */
export const REFERENCE_FIELD_NAMES = ['event_type_id', 'event_type_slug', 'username', 'team_slug'] as const;

/**
 * The rule of {@link eventTypeReferenceFields}: exactly one form, named by the field to fix.
 *
 * @param optional Whether naming no event type at all is allowed (`list_availability`: then working hours).
 * @returns The check.
 */
export function eventTypeReferenceCheck<TInput extends ReferenceInput & Readonly<Record<string, unknown>>>(
  optional = false,
) {
  return crossFieldCheck<TInput>((input) => {
    if (optional && REFERENCE_FIELD_NAMES.every((name) => input[name] === undefined)) return undefined;
    const slugFields = (['event_type_slug', 'username', 'team_slug'] as const).filter(
      (name) => input[name] !== undefined,
    );
    const [extra] = slugFields;
    if (input.event_type_id !== undefined) {
      return extra === undefined ? undefined : { field: extra, message: `drop it or event_type_id: ${WAYS}, not both` };
    }
    if (input.event_type_slug === undefined) return { field: extra ?? 'event_type_id', message: `missing: ${WAYS}` };
    if (input.username !== undefined && input.team_slug !== undefined) {
      return { field: 'team_slug', message: 'give username (a user’s event type) or team_slug (a team’s), not both' };
    }
    return input.username === undefined && input.team_slug === undefined
      ? { field: 'event_type_slug', message: 'add username (a user’s event type) or team_slug (a team’s)' }
      : undefined;
  });
}

/**
 * Maps the tool's fields to core's {@link EventTypeReference} (after {@link eventTypeReferenceCheck}).
 *
 * @param input The tool input.
 * @returns The reference.
 */
export function toEventTypeReference(input: ReferenceInput): EventTypeReference {
  if (input.event_type_id !== undefined) return { eventTypeId: input.event_type_id };
  const eventTypeSlug = input.event_type_slug ?? '';
  return input.team_slug !== undefined
    ? { eventTypeSlug, teamSlug: input.team_slug }
    : { eventTypeSlug, username: input.username ?? '' };
}

/** The core field names of the reference, as `coreFields` entries. */
export const EVENT_TYPE_REFERENCE_CORE_FIELDS = {
  eventTypeId: 'event_type_id',
  eventTypeSlug: 'event_type_slug',
  username: 'username',
  teamSlug: 'team_slug',
} as const;
