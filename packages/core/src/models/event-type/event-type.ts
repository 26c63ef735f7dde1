import * as v from 'valibot';
import { SCHEDULING_TYPES } from '../../generated/spec-facts.generated';
import { IdSchema } from '../id';

/**
 * Event type user DTO schema. The spec types `users` as `string[]`, the API sends objects (docs/CALCOM-API.md §9.8); plain
 * strings are tolerated and skipped.
 */
export const EventTypeUserDtoSchema = v.object({
  id: IdSchema,
  name: v.nullish(v.string()),
  username: v.nullish(v.string()),
});

/** Team event type host DTO schema; the spec types `hosts` as `string[]`, the API sends objects (docs/CALCOM-API.md §9.8). */
export const EventTypeHostDtoSchema = v.object({
  userId: IdSchema,
  name: v.nullish(v.string()),
  username: v.nullish(v.string()),
});

/** Scheduling types of team event types. */
export const SchedulingTypeSchema = v.picklist(SCHEDULING_TYPES);

/**
 * Event type DTO schema covering `EventTypeOutput_2024_06_14` and `TeamEventTypeOutput_2024_06_14`: lenient to
 * unknown fields, strict on the ones used.
 */
export const EventTypeDtoSchema = v.object({
  id: IdSchema,
  title: v.string(),
  slug: v.string(),
  description: v.nullish(v.string()),
  lengthInMinutes: v.number(),
  lengthInMinutesOptions: v.nullish(v.array(v.number())),
  hidden: v.optional(v.boolean(), false),
  ownerId: v.nullish(IdSchema),
  teamId: v.nullish(IdSchema),
  schedulingType: v.nullish(SchedulingTypeSchema),
  users: v.optional(v.array(v.union([EventTypeUserDtoSchema, v.string()])), []),
  hosts: v.optional(v.array(v.union([EventTypeHostDtoSchema, v.string()])), []),
  bookingUrl: v.nullish(v.string()),
  scheduleId: v.nullish(IdSchema),
  slotInterval: v.nullish(v.number()),
  minimumBookingNotice: v.nullish(v.number()),
  beforeEventBuffer: v.nullish(v.number()),
  afterEventBuffer: v.nullish(v.number()),
  price: v.nullish(v.number()),
  currency: v.nullish(v.string()),
  locations: v.optional(v.array(v.unknown()), []),
  bookingFields: v.optional(v.array(v.unknown()), []),
  metadata: v.nullish(v.record(v.string(), v.unknown())),
  /** `Recurrence_2024_06_14`, or null when the event type does not repeat. */
  recurrence: v.nullish(
    v.object({ interval: v.number(), occurrences: v.number(), frequency: v.picklist(['yearly', 'monthly', 'weekly']) }),
  ),
  /** `Seats_2024_06_14`, when the event type is seated. */
  seats: v.nullish(v.object({ seatsPerTimeSlot: v.number(), showAttendeeInfo: v.optional(v.boolean()) })),
});

/** Event type DTO as the API sends it. */
export type EventTypeDto = v.InferInput<typeof EventTypeDtoSchema>;

/** Schema mapping an event type DTO (personal or team) to the `EventType` domain model. */
export const EventTypeSchema = v.pipe(
  EventTypeDtoSchema,
  v.transform((dto) => ({
    id: dto.id,
    title: dto.title,
    slug: dto.slug,
    description: dto.description ?? '',
    lengthInMinutes: dto.lengthInMinutes,
    lengthInMinutesOptions: dto.lengthInMinutesOptions ?? [],
    hidden: dto.hidden,
    ownerId: dto.ownerId ?? null,
    teamId: dto.teamId ?? null,
    schedulingType: dto.schedulingType ?? null,
    users: dto.users
      .filter((user) => typeof user !== 'string')
      .map((user) => ({ id: user.id, name: user.name ?? null, username: user.username ?? null })),
    hosts: dto.hosts
      .filter((host) => typeof host !== 'string')
      .map((host) => ({ userId: host.userId, name: host.name ?? null, username: host.username ?? null })),
    bookingUrl: dto.bookingUrl ?? null,
    scheduleId: dto.scheduleId ?? null,
    slotInterval: dto.slotInterval ?? null,
    minimumBookingNotice: dto.minimumBookingNotice ?? 0,
    beforeEventBuffer: dto.beforeEventBuffer ?? 0,
    afterEventBuffer: dto.afterEventBuffer ?? 0,
    price: dto.price ?? 0,
    currency: dto.currency ?? null,
    locations: dto.locations,
    bookingFields: dto.bookingFields,
    metadata: dto.metadata ?? {},
    ...(dto.recurrence ? { recurrence: { ...dto.recurrence } } : {}),
    ...(dto.seats ? { seatsPerTimeSlot: dto.seats.seatsPerTimeSlot } : {}),
  })),
);

/**
 * A Cal.com event type (domain model): a bookable kind of meeting. A recurring one has `recurrence` (`occurrences` is
 * the most a booking may have); a seated one has `seatsPerTimeSlot`.
 */
export type EventType = v.InferOutput<typeof EventTypeSchema>;

/** Lists the lengths (minutes) a booking of the event type may have. */
export function allowedLengths(eventType: EventType): number[] {
  return eventType.lengthInMinutesOptions.length > 0 ? eventType.lengthInMinutesOptions : [eventType.lengthInMinutes];
}
