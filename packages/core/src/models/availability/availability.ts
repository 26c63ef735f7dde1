/** A block of time (ISO 8601 UTC) and whether the user is free in it. */
export interface AvailabilitySlot {
  /** Start, ISO 8601 UTC. */
  start: string;
  /** End, ISO 8601 UTC. */
  end: string;
  /** Whether the user is free in the block. */
  isAvailable: boolean;
}

/** Availability of a user over a time range (domain model). */
export interface Availability {
  /** The zone the blocks are reported in (asked for, or the profile zone). */
  timeZone: string;
  /** Start of the range, ISO 8601 UTC. */
  start: string;
  /** End of the range, ISO 8601 UTC. */
  end: string;
  /** The event type whose slots were read, when it was named by id. */
  eventTypeId?: number | undefined;
  /** The event type whose slots were read, when it was named by slug (with its owner's username or team slug). */
  eventTypeSlug?: string | undefined;
  /** The blocks of the range. */
  slots: AvailabilitySlot[];
}
