import * as v from 'valibot';
import { CalComNotFoundError } from '../../errors/api-error';
import { type EventType, EventTypeSchema } from '../../models/event-type';
import { IdSchema } from '../../models/id';
import type { RequestOptions } from '../../request-options';
import type { ResourceContext } from '../common/context';
import type { CheckedReference } from '../common/event-type-ref';
import { invalidField } from '../common/validate';
import type { EventTypesResource } from '../event-types/event-types';

/** The two fields of `GET /v2/teams` a lookup needs. */
const TeamSlugsSchema = v.array(v.object({ id: IdSchema, slug: v.nullish(v.string()) }));

async function ownTeams(context: ResourceContext, options: RequestOptions | undefined) {
  return (
    await context.executor.execute(
      { method: 'GET', path: '/teams', resource: 'teams', retry: 'idempotent', schema: TeamSlugsSchema },
      options,
    )
  ).data;
}

async function teamEventTypeById(
  context: ResourceContext,
  eventTypes: Pick<EventTypesResource, 'list'>,
  id: number,
  options: RequestOptions | undefined,
): Promise<EventType | undefined> {
  for (const team of await ownTeams(context, options)) {
    const found = (await eventTypes.list({ teamId: team.id }, options)).find((eventType) => eventType.id === id);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Finds the event type a booking names, for its lengths and id: by id among your own event types, else among your
 * teams' (`GET /v2/event-types/{id}` answers only your own); by slug and username (`GET /v2/event-types`, public);
 * by slug and team slug among your teams.
 *
 * @throws `CalComNotFoundError` for an unknown id; `CalComValidationError` naming the slug or team slug not found.
 */
export async function findEventType(
  context: ResourceContext,
  eventTypes: Pick<EventTypesResource, 'get' | 'list'>,
  reference: CheckedReference,
  options: RequestOptions | undefined,
): Promise<EventType> {
  if (reference.kind === 'id') {
    try {
      return await eventTypes.get(reference.eventTypeId, options);
    } catch (error) {
      if (!(error instanceof CalComNotFoundError)) throw error;
      const team = await teamEventTypeById(context, eventTypes, reference.eventTypeId, options);
      if (team === undefined) throw error;
      return team;
    }
  }
  if (reference.kind === 'user') {
    const { username, eventTypeSlug, organizationSlug } = reference;
    const found = (
      await context.executor.execute(
        {
          method: 'GET',
          path: '/event-types',
          query: { username, eventSlug: eventTypeSlug, orgSlug: organizationSlug },
          resource: 'eventTypes',
          retry: 'idempotent',
          schema: v.array(EventTypeSchema),
        },
        options,
      )
    ).data.find((eventType) => eventType.slug === eventTypeSlug);
    if (found === undefined) {
      throw invalidField(
        'eventTypeSlug',
        `user ${username} has no public event type "${eventTypeSlug}"`,
        'List their event types with eventTypes.list({ username }) and use one of those slugs.',
      );
    }
    return found;
  }
  const team = (await ownTeams(context, options)).find((candidate) => candidate.slug === reference.teamSlug);
  if (team === undefined) {
    throw invalidField(
      'teamSlug',
      `none of your teams has the slug "${reference.teamSlug}"`,
      'List your teams with teams.list() and use one of their slugs.',
    );
  }
  const found = (await eventTypes.list({ teamId: team.id }, options)).find(
    (eventType) => eventType.slug === reference.eventTypeSlug,
  );
  if (found === undefined) {
    throw invalidField(
      'eventTypeSlug',
      `team ${reference.teamSlug} has no event type "${reference.eventTypeSlug}"`,
      `List the team's event types with eventTypes.list({ teamId: ${team.id} }) and use one of those slugs.`,
    );
  }
  return found;
}
