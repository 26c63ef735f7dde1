import * as v from 'valibot';
import { CalComNotFoundError } from '../../errors/api-error';
import { CalComUnknownOutcomeError } from '../../errors/unknown-outcome-error';
import type { RetryKind } from '../../internal/request-types';
import { type PrivateLink, PrivateLinkSchema } from '../../models/event-type';
import { IdInputSchema, integerInputSchema, TimeInputSchema } from '../../models/input';
import type { RequestOptions } from '../../request-options';
import { pathParam, type ResourceContext } from '../common/context';
import { type ReadBack, sendCreatingWrite, sendRepeatableWrite } from '../common/read-back';
import { invalidField, parseField, requireObject } from '../common/validate';

/**
 * Params of `cal.eventTypes.privateLinks.create` and `update` (`CreatePrivateLinkInput`,
 * `UpdatePrivateLinkBody`): a link is time-based or usage-based, so give one of the two (neither on create makes a
 * one-time link).
 */
export interface PrivateLinkInput {
  /** When a time-based link stops working: an ISO 8601 time with an offset. */
  readonly expiresAt?: string;
  /** How many bookings a usage-based link allows, 1 or more. */
  readonly maxUsageCount?: number;
}

/** The largest `maxUsageCount` accepted (the spec has no maximum; this keeps it a sane whole number). */
const MAX_USAGE_COUNT = 1_000_000;

/** Checks a private link body: at most one of `expiresAt` and `maxUsageCount` (exactly one when `requireOne`). */
function privateLinkBody(input: PrivateLinkInput, requireOne: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (input.expiresAt !== undefined) {
    body.expiresAt = new Date(Date.parse(parseField(TimeInputSchema, input.expiresAt, 'expiresAt'))).toISOString();
  }
  if (input.maxUsageCount !== undefined) {
    body.maxUsageCount = parseField(integerInputSchema(1, MAX_USAGE_COUNT), input.maxUsageCount, 'maxUsageCount');
  }
  if (body.expiresAt !== undefined && body.maxUsageCount !== undefined) {
    throw invalidField(
      'maxUsageCount',
      'cannot be combined with expiresAt: a private link is either time-based or usage-based',
      'Pass only one of expiresAt and maxUsageCount.',
    );
  }
  if (requireOne && Object.keys(body).length === 0) {
    throw invalidField(
      'expiresAt',
      'no change given',
      'Pass expiresAt (time-based link) or maxUsageCount (usage-based).',
    );
  }
  return body;
}

/** Tells whether a link shows the values of a body. */
function linkMatches(link: PrivateLink, body: Record<string, unknown>): boolean {
  if (body.expiresAt !== undefined && Date.parse(link.expiresAt ?? '') !== Date.parse(body.expiresAt as string)) {
    return false;
  }
  return body.maxUsageCount === undefined || link.maxUsageCount === body.maxUsageCount;
}

/**
 * The private (hashed, single-use or expiring) booking links of an event type, `cal.eventTypes.privateLinks`
 * (`/v2/event-types/{eventTypeId}/private-links`, unversioned).
 */
export class PrivateLinksResource {
  readonly #context: ResourceContext;

  /** @internal Created by `EventTypesResource`. */
  constructor(context: ResourceContext) {
    this.#context = context;
  }

  /**
   * Lists the private links of an event type (`GET /v2/event-types/{eventTypeId}/private-links`).
   *
   * @example
   * ```ts
   * const links = await cal.eventTypes.privateLinks.list(42);
   * ```
   *
   * @param eventTypeId The event type id.
   * @param options The per-call options.
   * @returns The links, each with `bookingUrl`, `isExpired` and its limit.
   */
  async list(eventTypeId: number, options?: RequestOptions): Promise<PrivateLink[]> {
    const id = parseField(IdInputSchema, eventTypeId, 'eventTypeId');
    return (
      await this.#context.executor.execute(
        {
          method: 'GET',
          path: `/event-types/${pathParam(id, 'eventTypeId')}/private-links`,
          resource: 'privateLinks',
          retry: 'idempotent',
          schema: v.array(PrivateLinkSchema),
        },
        options,
      )
    ).data;
  }

  /**
   * Creates a private link: time-based (`expiresAt`), usage-based (`maxUsageCount`), or with neither a one-time link.
   * Sent once (D6); after an ambiguous failure a link that was not listed before is looked up (D7).
   *
   * @example
   * ```ts
   * const link = await cal.eventTypes.privateLinks.create(42, { maxUsageCount: 5 });
   * ```
   *
   * @param eventTypeId The event type id.
   * @param input `{ expiresAt }` or `{ maxUsageCount }`, or `{}`.
   * @param options The per-call options.
   * @returns The link.
   */
  async create(eventTypeId: number, input: PrivateLinkInput = {}, options?: RequestOptions): Promise<PrivateLink> {
    const id = parseField(IdInputSchema, eventTypeId, 'eventTypeId');
    requireObject(input, 'input', '{ expiresAt } or { maxUsageCount }, or {} for a one-time link');
    const body = privateLinkBody(input, false);
    const existing = new Set((await this.list(id, options)).map((link) => link.linkId));
    const outcome = await sendCreatingWrite({
      send: async () =>
        (
          await this.#context.executor.execute(
            {
              method: 'POST',
              path: `/event-types/${pathParam(id, 'eventTypeId')}/private-links`,
              body,
              resource: 'privateLinks',
              retry: 'create',
              schema: PrivateLinkSchema,
            },
            options,
          )
        ).data,
      find: async () =>
        (await this.list(id, options)).find((link) => !existing.has(link.linkId) && linkMatches(link, body)),
      unknownOutcome: (cause) =>
        new CalComUnknownOutcomeError(
          `Creating a private link of event type ${id} failed after the request was sent, and no new link was found yet, so it may or may not exist.`,
          {
            operation: 'eventTypes.privateLinks.list',
            params: { id },
            meaning: ' for a new link before creating it again.',
          },
          cause,
        ),
    });
    return outcome.value;
  }

  /**
   * Changes a private link's expiry or usage limit (`PATCH …/private-links/{linkId}`; absolute values, so repeating it
   * changes nothing more); read back after an ambiguous failure.
   *
   * @example
   * ```ts
   * await cal.eventTypes.privateLinks.update(42, 'abc123', { expiresAt: '2026-12-31T23:59:59Z' });
   * ```
   *
   * @param eventTypeId The event type id.
   * @param linkId The link id.
   * @param input `{ expiresAt }` or `{ maxUsageCount }`.
   * @param options The per-call options.
   * @returns The link.
   */
  async update(
    eventTypeId: number,
    linkId: string,
    input: PrivateLinkInput,
    options?: RequestOptions,
  ): Promise<PrivateLink> {
    const id = parseField(IdInputSchema, eventTypeId, 'eventTypeId');
    const path = `/event-types/${pathParam(id, 'eventTypeId')}/private-links/${pathParam(linkId, 'linkId')}`;
    requireObject(input, 'input', '{ expiresAt } or { maxUsageCount }');
    const body = privateLinkBody(input, true);
    const outcome = await sendRepeatableWrite({
      send: async (retry: RetryKind) =>
        (
          await this.#context.executor.execute(
            { method: 'PATCH', path, body, resource: 'privateLinks', retry, schema: PrivateLinkSchema },
            options,
          )
        ).data,
      readBack: async (): Promise<ReadBack<PrivateLink>> => {
        const link = (await this.list(id, options)).find((candidate) => candidate.linkId === linkId);
        return link !== undefined && linkMatches(link, body) ? { state: 'done', value: link } : { state: 'not-done' };
      },
      refusalMayBeOurs: () => false,
      unknownOutcome: (cause) =>
        new CalComUnknownOutcomeError(
          `The update of private link ${linkId} failed after it was sent, and reading it back did not show the new value, so it may or may not have been applied.`,
          {
            operation: 'eventTypes.privateLinks.list',
            params: { id },
            meaning: ` whether link ${linkId} has the new value; otherwise update it again.`,
          },
          cause,
        ),
    });
    return outcome.value;
  }

  /**
   * Deletes a private link (`DELETE …/private-links/{linkId}`); after an ambiguous failure the links are read back
   * (gone → deleted).
   *
   * @example
   * ```ts
   * await cal.eventTypes.privateLinks.delete(42, 'abc123');
   * ```
   *
   * @param eventTypeId The event type id.
   * @param linkId The link id.
   * @param options The per-call options.
   */
  async delete(eventTypeId: number, linkId: string, options?: RequestOptions): Promise<void> {
    const id = parseField(IdInputSchema, eventTypeId, 'eventTypeId');
    const path = `/event-types/${pathParam(id, 'eventTypeId')}/private-links/${pathParam(linkId, 'linkId')}`;
    await sendRepeatableWrite<undefined>({
      send: async (retry: RetryKind) => {
        await this.#context.executor.execute({ method: 'DELETE', path, resource: 'privateLinks', retry }, options);
        return undefined;
      },
      readBack: async () =>
        (await this.list(id, options)).some((link) => link.linkId === linkId)
          ? { state: 'not-done' }
          : { state: 'done', value: undefined },
      refusalMayBeOurs: (error) => error instanceof CalComNotFoundError,
      unknownOutcome: (cause) =>
        new CalComUnknownOutcomeError(
          `The delete of private link ${linkId} failed after it was sent, and reading the links back could not tell whether it is gone.`,
          {
            operation: 'eventTypes.privateLinks.list',
            params: { id },
            meaning: ` whether link ${linkId} is still listed; if it is, delete it again.`,
          },
          cause,
        ),
    });
  }
}
