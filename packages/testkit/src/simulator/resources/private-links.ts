import { ok, type Route, type RouteContext } from '../context';
import { badRequestError, notFoundError } from '../http-error';
import type { StoredPrivateLink } from '../types';
import { type Shape, validateBody } from '../validation';
import { ownEventType } from './event-types';

/** The body rules of a create (`CreatePrivateLinkInput`) and an update (`UpdatePrivateLinkBody`). */
const PRIVATE_LINK_SHAPE: Shape = {
  expiresAt: { type: 'date' },
  maxUsageCount: { type: 'integer', min: 1 },
};

/**
 * Renders a stored link as `TimeBasedPrivateLinkOutput` or `UsageBasedPrivateLinkOutput`. A time-based link is expired
 * once `expiresAt` has passed, a usage-based one once it was used `maxUsageCount` times.
 *
 * @param context The route context (for the clock and the event type's slug).
 * @param link The link.
 * @param slug The event type's slug.
 * @returns The output.
 */
function linkOutput(context: RouteContext, link: StoredPrivateLink, slug: string): Record<string, unknown> {
  const base = {
    linkId: link.linkId,
    eventTypeId: link.eventTypeId,
    bookingUrl: `https://cal.com/d/${link.linkId}/${slug}`,
  };
  if (link.expiresAt !== undefined) {
    return { ...base, isExpired: Date.parse(link.expiresAt) <= context.now.getTime(), expiresAt: link.expiresAt };
  }
  const maxUsageCount = link.maxUsageCount ?? 1;
  return { ...base, isExpired: link.usageCount >= maxUsageCount, maxUsageCount, usageCount: link.usageCount };
}

/**
 * Reads a create or update body; a link is time-based or usage-based, so both limits at once are refused (the
 * simulator's own, conservative rule: docs/CALCOM-API.md §7.2).
 *
 * @param body The request body.
 * @returns The limits given.
 */
function readLimits(body: unknown): { expiresAt?: string; maxUsageCount?: number } {
  const input = validateBody(body, PRIVATE_LINK_SHAPE);
  if (input.expiresAt !== undefined && input.maxUsageCount !== undefined) {
    throw badRequestError('Provide either expiresAt (time-based link) or maxUsageCount (usage-based link), not both.');
  }
  return {
    ...(input.expiresAt === undefined ? {} : { expiresAt: new Date(input.expiresAt as string).toISOString() }),
    ...(input.maxUsageCount === undefined ? {} : { maxUsageCount: input.maxUsageCount as number }),
  };
}

/**
 * Finds a link of the event type in the path.
 *
 * @param context The route context.
 * @param eventTypeId The event type id.
 * @returns The link.
 */
function ownLink(context: RouteContext, eventTypeId: number): StoredPrivateLink {
  const link = context.data.privateLinks.find(
    (candidate) => candidate.eventTypeId === eventTypeId && candidate.linkId === context.params.linkId,
  );
  if (link === undefined) throw notFoundError(`Private link with id ${context.params.linkId} not found.`);
  return link;
}

/** Event-type private links (`/v2/event-types/{eventTypeId}/private-links`, unversioned): list, create, update, delete. */
export const privateLinkRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v2/event-types/:eventTypeId/private-links',
    auth: 'required',
    handle(context) {
      const eventType = ownEventType(context);
      return ok(
        context.data.privateLinks
          .filter((link) => link.eventTypeId === eventType.id)
          .map((link) => linkOutput(context, link, eventType.slug)),
      );
    },
  },
  {
    method: 'POST',
    pattern: '/v2/event-types/:eventTypeId/private-links',
    auth: 'required',
    handle(context) {
      const eventType = ownEventType(context);
      const limits = readLimits(context.body ?? {});
      let linkId: string;
      do {
        linkId = Math.floor(context.data.random() * 2 ** 48)
          .toString(16)
          .padStart(12, '0');
      } while (context.data.privateLinks.some((link) => link.linkId === linkId));
      // Neither limit: a one-time link (`maxUsageCount` defaults to 1, the spec's description of the field).
      const link: StoredPrivateLink = {
        linkId,
        eventTypeId: eventType.id,
        ...(limits.expiresAt === undefined ? { maxUsageCount: limits.maxUsageCount ?? 1 } : limits),
        usageCount: 0,
      };
      context.data.privateLinks.push(link);
      return ok(linkOutput(context, link, eventType.slug), 201);
    },
  },
  {
    method: 'PATCH',
    pattern: '/v2/event-types/:eventTypeId/private-links/:linkId',
    auth: 'required',
    handle(context) {
      const eventType = ownEventType(context);
      const link = ownLink(context, eventType.id);
      const limits = readLimits(context.body);
      if (limits.expiresAt !== undefined) {
        link.expiresAt = limits.expiresAt;
        delete link.maxUsageCount;
      }
      if (limits.maxUsageCount !== undefined) {
        link.maxUsageCount = limits.maxUsageCount;
        delete link.expiresAt;
      }
      return ok(linkOutput(context, link, eventType.slug));
    },
  },
  {
    method: 'DELETE',
    pattern: '/v2/event-types/:eventTypeId/private-links/:linkId',
    auth: 'required',
    handle(context) {
      const eventType = ownEventType(context);
      const link = ownLink(context, eventType.id);
      context.data.privateLinks.splice(context.data.privateLinks.indexOf(link), 1);
      return ok({ linkId: link.linkId, message: 'Private link deleted successfully' });
    },
  },
];
