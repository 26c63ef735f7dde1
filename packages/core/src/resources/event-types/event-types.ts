import * as v from 'valibot';
import { CalComUnknownOutcomeError } from '../../errors/unknown-outcome-error';
import { CalComValidationError } from '../../errors/validation-error';
import type { RetryKind } from '../../internal/request-types';
import { type EventType, EventTypeSchema } from '../../models/event-type';
import { IdInputSchema, UsernameInputSchema } from '../../models/input';
import type { RequestOptions } from '../../request-options';
import { auxiliaryOptions, idParam, pathParam, type ResourceContext } from '../common/context';
import { type ReadBack, sendCreatingWrite, sendRepeatableDelete, sendRepeatableWrite } from '../common/read-back';
import { invalidField, parseField, requireObject } from '../common/validate';
import type { MeResource } from '../me/me';
import {
  type CreateEventTypeInput,
  hasValues,
  type UpdateEventTypeInput,
  validateEventTypeFields,
} from './event-type-input';
import { PrivateLinksResource } from './private-links';

/** Params of `cal.eventTypes.list`; without any, the authenticated user's own event types. */
export interface ListEventTypesFilters {
  /** Only event types owned by this user id (must be the authenticated user unless `username` is given). */
  readonly ownerId?: number;
  /** The team whose event types to list. */
  readonly teamId?: number;
  /** The user whose public event types to list. */
  readonly username?: string;
}

/** Event types (`/v2/event-types`, team: `/v2/teams/{teamId}/event-types`). */
export class EventTypesResource {
  // True private fields: printing or serialising the resource reaches neither the executor nor the key.
  readonly #context: ResourceContext;
  readonly #me: Pick<MeResource, 'get'>;
  readonly #privateLinks: PrivateLinksResource;

  /** @internal Created by `CalComClient`. */
  constructor(context: ResourceContext, me: Pick<MeResource, 'get'>) {
    this.#context = context;
    this.#me = me;
    this.#privateLinks = new PrivateLinksResource(context);
  }

  /** The private booking links of an event type: `cal.eventTypes.privateLinks.list(eventTypeId)` and so on. */
  get privateLinks(): PrivateLinksResource {
    return this.#privateLinks;
  }

  /**
   * Lists event types: your own (default), a user's by `username`, or a team's by `teamId`.
   *
   * @example
   * ```ts
   * const mine = await cal.eventTypes.list();
   * const team = await cal.eventTypes.list({ teamId: 7 });
   * ```
   *
   * @param filters The filters.
   * @param options The per-call options.
   * @returns The event types.
   */
  async list(filters: ListEventTypesFilters = {}, options?: RequestOptions): Promise<EventType[]> {
    if (filters.teamId !== undefined) {
      const teamId = idParam(filters.teamId, 'teamId');
      return (
        await this.#context.executor.execute(
          {
            method: 'GET',
            path: `/teams/${pathParam(teamId, 'teamId')}/event-types`,
            resource: 'teams',
            retry: 'idempotent',
            schema: v.array(EventTypeSchema),
          },
          options,
        )
      ).data;
    }
    let username =
      filters.username === undefined ? undefined : parseField(UsernameInputSchema, filters.username, 'username');
    const ownerId = filters.ownerId === undefined ? undefined : parseField(IdInputSchema, filters.ownerId, 'ownerId');
    if (username === undefined) {
      const user = await this.#me.get(auxiliaryOptions(options));
      if (ownerId !== undefined && ownerId !== user.id) {
        throw invalidField(
          'ownerId',
          `${ownerId} is not the authenticated user (${user.id})`,
          "Cal.com lists another user's event types by their username: ask by username instead.",
        );
      }
      username = user.username;
    }
    const eventTypes = (
      await this.#context.executor.execute(
        {
          method: 'GET',
          path: '/event-types',
          query: { username },
          resource: 'eventTypes',
          retry: 'idempotent',
          schema: v.array(EventTypeSchema),
        },
        options,
      )
    ).data;
    return ownerId === undefined ? eventTypes : eventTypes.filter((eventType) => eventType.ownerId === ownerId);
  }

  /**
   * Gets one event type (`GET /v2/event-types/{id}`).
   *
   * @example
   * ```ts
   * const eventType = await cal.eventTypes.get(42);
   * ```
   *
   * @param id The event type id.
   * @param options The per-call options.
   * @returns The event type.
   */
  async get(id: number, options?: RequestOptions): Promise<EventType> {
    const eventTypeId = idParam(id, 'id');
    return (
      await this.#context.executor.execute(
        {
          method: 'GET',
          path: `/event-types/${pathParam(eventTypeId, 'id')}`,
          resource: 'eventTypes',
          retry: 'idempotent',
          schema: EventTypeSchema,
        },
        options,
      )
    ).data;
  }

  /**
   * Creates an event type owned by the authenticated user, after checking the fields and that the slug is free. The
   * create is sent once (D6); after an ambiguous failure (timeout, reset, 5xx or an unreadable answer) the event type
   * is looked up by its slug, free just before, and returned; if it is not there, `CalComUnknownOutcomeError` says how
   * to check (D7).
   *
   * @example
   * ```ts
   * const eventType = await cal.eventTypes.create({ title: 'Intro call', slug: 'intro-call', lengthInMinutes: 30 });
   * ```
   *
   * @param input The event type.
   * @param options The per-call options.
   * @returns The created event type.
   */
  async create(input: CreateEventTypeInput, options?: RequestOptions): Promise<EventType> {
    requireObject(input, 'input', '{ title, slug, lengthInMinutes }');
    const body = validateEventTypeFields(input, true);
    const slug = body.slug as string;
    await this.#assertSlugFree(slug, undefined, options);
    const outcome = await sendCreatingWrite({
      send: async () =>
        (
          await this.#context.executor.execute(
            {
              method: 'POST',
              path: '/event-types',
              body,
              resource: 'eventTypes',
              retry: 'create',
              schema: EventTypeSchema,
            },
            options,
          )
        ).data,
      // The slug was free a moment ago and slugs are unique per owner, so an event type with it is this create's.
      find: async () => (await this.list({}, options)).find((eventType) => hasValues(eventType, body)),
      unknownOutcome: (cause) =>
        new CalComUnknownOutcomeError(
          `Creating the event type "${slug}" failed after the request was sent, and no event type with that slug was found yet, so it may or may not exist.`,
          { operation: 'eventTypes.list', params: {}, meaning: ` for the slug "${slug}" before creating it again.` },
          cause,
        ),
    });
    return outcome.value;
  }

  /**
   * Updates an event type; only the given fields are sent. A new slug must be free. After an ambiguous failure the
   * event type is read back: every given field has the new value → it is returned; otherwise the `PATCH` (absolute
   * values, so repeating it changes nothing more) is sent again; unknown → `CalComUnknownOutcomeError`.
   *
   * @example
   * ```ts
   * await cal.eventTypes.update(42, { lengthInMinutes: 45 });
   * ```
   *
   * @param id The event type id.
   * @param patch The changes.
   * @param options The per-call options.
   * @returns The updated event type (as Cal.com answered it, or as read back).
   */
  async update(id: number, patch: UpdateEventTypeInput, options?: RequestOptions): Promise<EventType> {
    const eventTypeId = parseField(IdInputSchema, id, 'id');
    requireObject(patch, 'patch', 'the fields to change');
    const body = validateEventTypeFields(patch, false);
    if (Object.keys(body).length === 0) {
      throw new CalComValidationError(
        'No event type changes given. Pass at least one field. Nothing was sent to Cal.com.',
        [{ path: '', message: 'no changes given. Pass at least one field to change.' }],
      );
    }
    if (body.slug !== undefined) {
      await this.#assertSlugFree(body.slug as string, eventTypeId, options);
    }
    const outcome = await sendRepeatableWrite({
      send: async (retry: RetryKind) =>
        (
          await this.#context.executor.execute(
            {
              method: 'PATCH',
              path: `/event-types/${pathParam(eventTypeId)}`,
              body,
              resource: 'eventTypes',
              retry,
              schema: EventTypeSchema,
            },
            options,
          )
        ).data,
      readBack: async (): Promise<ReadBack<EventType>> => {
        const eventType = await this.get(eventTypeId, options);
        return hasValues(eventType, body) ? { state: 'done', value: eventType } : { state: 'not-done' };
      },
      refusalMayBeOurs: () => false,
      unknownOutcome: (cause) =>
        new CalComUnknownOutcomeError(
          `The update of event type ${eventTypeId} failed after it was sent, and reading it back did not show the new values, so it may or may not have been applied.`,
          {
            operation: 'eventTypes.get',
            params: { id: eventTypeId },
            meaning: ` whether ${Object.keys(body).join(', ')} have the new values; otherwise update it again.`,
          },
          cause,
        ),
    });
    return outcome.value;
  }

  /**
   * Deletes an event type. After an ambiguous failure the event type is read back: gone (404) → deleted; still there
   * → the delete is sent again; unknown → `CalComUnknownOutcomeError`. An id that never existed is
   * `CalComNotFoundError`.
   *
   * @example
   * ```ts
   * await cal.eventTypes.delete(42);
   * ```
   *
   * @param id The event type id.
   * @param options The per-call options.
   */
  async delete(id: number, options?: RequestOptions): Promise<void> {
    const eventTypeId = parseField(IdInputSchema, id, 'id');
    await sendRepeatableDelete({
      send: async (retry: RetryKind) =>
        (
          await this.#context.executor.execute(
            { method: 'DELETE', path: `/event-types/${pathParam(eventTypeId)}`, resource: 'eventTypes', retry },
            options,
          )
        ).data,
      lookUp: () => this.get(eventTypeId, options),
      unknownOutcome: (cause) =>
        new CalComUnknownOutcomeError(
          `The delete of event type ${eventTypeId} failed after it was sent, and reading it back could not tell whether it is gone.`,
          {
            operation: 'eventTypes.get',
            params: { id: eventTypeId },
            meaning: ': CalComNotFoundError means it is deleted; otherwise delete it again.',
          },
          cause,
        ),
    });
  }

  /** Throws when the authenticated user already has an event type with the slug. */
  async #assertSlugFree(slug: string, exceptId: number | undefined, options?: RequestOptions): Promise<void> {
    const existing = await this.list({}, options);
    const taken = existing.find((eventType) => eventType.slug === slug && eventType.id !== exceptId);
    if (taken !== undefined) {
      throw invalidField(
        'slug',
        `"${slug}" is already used by your event type ${taken.id} ("${taken.title}")`,
        'Pick another slug, or update that event type instead.',
      );
    }
  }
}
