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
 * Params of `cal.eventTypes.createPrivateLink` and `updatePrivateLink` (`CreatePrivateLinkInput`,
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
 * The private links of an event type (`/v2/event-types/{eventTypeId}/private-links`, unversioned): the functions
 * behind the `cal.eventTypes.*PrivateLink*` methods.
 */
export class PrivateLinks {
  readonly #context: ResourceContext;

  constructor(context: ResourceContext) {
    this.#context = context;
  }

  /** Lists the private links of an event type. */
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
   * Creates a private link; sent once (D6), an ambiguous failure settled by looking for a link that was not there
   * before (D7).
   */
  async create(eventTypeId: number, input: PrivateLinkInput, options?: RequestOptions): Promise<PrivateLink> {
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
            operation: 'eventTypes.listPrivateLinks',
            params: { id },
            meaning: ' for a new link before creating it again.',
          },
          cause,
        ),
    });
    return outcome.value;
  }

  /** Updates a private link's limit (absolute values: repeating it changes nothing more). */
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
            operation: 'eventTypes.listPrivateLinks',
            params: { id },
            meaning: ` whether link ${linkId} has the new value; otherwise update it again.`,
          },
          cause,
        ),
    });
    return outcome.value;
  }

  /** Deletes a private link; after an ambiguous failure the links are read back (gone → deleted). */
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
            operation: 'eventTypes.listPrivateLinks',
            params: { id },
            meaning: ` whether link ${linkId} is still listed; if it is, delete it again.`,
          },
          cause,
        ),
    });
  }
}
