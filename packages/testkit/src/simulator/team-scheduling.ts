import type { BookingHost } from '../dto/booking';
import type { EventTypeOutput, TeamEventTypeOutput } from '../dto/event-type';
import { type FreeSlotOptions, freeSlotStarts } from './availability';
import { badRequestError, notFoundError } from './http-error';
import type { SimulatorData, SimulatorUser } from './types';

/** The length of a dynamic group event (`GET /v2/slots?usernames=a,b`) when no `duration` is given (the spec's default). */
export const DYNAMIC_EVENT_MINUTES = 30;

/** A bookable event: a personal event type, or a team event type with the hosts it schedules. */
export type Bookable =
  | { kind: 'personal'; eventType: EventTypeOutput }
  | { kind: 'team'; eventType: TeamEventTypeOutput };

/**
 * Finds an event type by id among personal and team event types.
 *
 * @param data The state.
 * @param id The event type id.
 * @returns The bookable event, or `undefined`.
 */
export function bookableById(data: SimulatorData, id: unknown): Bookable | undefined {
  const personal = data.eventTypes.find((candidate) => candidate.id === id);
  if (personal !== undefined) return { kind: 'personal', eventType: personal };
  const team = data.teamEventTypes.find((candidate) => candidate.id === id);
  return team === undefined ? undefined : { kind: 'team', eventType: team };
}

/**
 * Finds a team event type by its slug and its team's slug; 404 like Cal.com when either is unknown.
 *
 * @param data The state.
 * @param eventTypeSlug The event type's slug.
 * @param teamSlug The team's slug.
 * @returns The team event type.
 */
export function teamEventTypeBySlug(data: SimulatorData, eventTypeSlug: string, teamSlug: string): Bookable {
  const team = data.teams.find((candidate) => candidate.slug === teamSlug);
  if (team === undefined) throw notFoundError(`Team with slug ${teamSlug} not found`);
  const eventType = data.teamEventTypes.find(
    (candidate) => candidate.teamId === team.id && candidate.slug === eventTypeSlug,
  );
  if (eventType === undefined) {
    throw notFoundError(`Event type with slug ${eventTypeSlug} belonging to team ${teamSlug} not found.`);
  }
  return { kind: 'team', eventType };
}

/**
 * The simulator models no organizations: any `organizationSlug` is refused with a 400 naming it, so a client that
 * sends one cannot look right (Cal.com would look the organization up).
 *
 * @param value The `organizationSlug` given, if any.
 */
export function refuseOrganizationSlug(value: unknown): void {
  if (value !== undefined) {
    throw badRequestError(
      `organizationSlug: the simulator models no organizations, so organizationSlug=${String(value)} cannot be resolved. Leave it out.`,
    );
  }
}

function userOf(data: SimulatorData, id: number): SimulatorUser {
  const user = data.users.find((candidate) => candidate.id === id);
  if (user === undefined) throw notFoundError(`User with id=${id} not found`);
  return user;
}

/**
 * The event type as one host sees it: owned by the host, on the host's default schedule (team event types are
 * scheduled on each host's own availability).
 *
 * @param eventType The team event type.
 * @param host The host.
 * @returns A personal view of the event type for the availability maths.
 */
function asHostEventType(eventType: TeamEventTypeOutput, host: SimulatorUser): EventTypeOutput {
  const { teamId: _teamId, hosts: _hosts, team: _team, schedulingType: _type, ...base } = eventType;
  return { ...base, ownerId: host.id, scheduleId: null, users: [], bookingUrl: '' } as EventTypeOutput;
}

/** Hosts of a team event type split into the ones who must all attend and the ones to choose one of. */
interface HostGroups {
  fixed: SimulatorUser[];
  pool: SimulatorUser[];
}

function hostGroups(data: SimulatorData, eventType: TeamEventTypeOutput): HostGroups {
  if (eventType.schedulingType !== 'roundRobin' && eventType.schedulingType !== 'collective') {
    throw badRequestError(
      `Event type with id=${eventType.id} is a ${String(eventType.schedulingType)} team event type; book or query one of its children instead.`,
    );
  }
  const hosts = eventType.hosts.map((host) => ({ host, user: userOf(data, host.userId) }));
  if (eventType.schedulingType === 'collective') return { fixed: hosts.map((entry) => entry.user), pool: [] };
  return {
    fixed: hosts.filter((entry) => entry.host.mandatory === true).map((entry) => entry.user),
    pool: hosts.filter((entry) => entry.host.mandatory !== true).map((entry) => entry.user),
  };
}

type StartsOf = (user: SimulatorUser) => Set<number>;

function startsFor(
  data: SimulatorData,
  eventType: TeamEventTypeOutput,
  rangeStart: number,
  rangeEnd: number,
  now: number,
  options: FreeSlotOptions,
): StartsOf {
  return (user) => new Set(freeSlotStarts(data, asHostEventType(eventType, user), rangeStart, rangeEnd, now, options));
}

function intersect(sets: readonly Set<number>[]): number[] {
  const [first, ...rest] = sets;
  if (first === undefined) return [];
  return [...first].filter((start) => rest.every((set) => set.has(start)));
}

/**
 * Free starts of a team event type: collective events need every host free; round-robin events need every mandatory
 * (fixed) host and at least one of the other hosts free.
 *
 * @param data The state.
 * @param eventType The team event type.
 * @param rangeStart First allowed start, epoch ms.
 * @param rangeEnd Last allowed start, epoch ms.
 * @param now Current time, epoch ms.
 * @param options Booking to ignore, length override.
 * @returns Slot starts in epoch ms, ascending.
 */
export function teamFreeSlotStarts(
  data: SimulatorData,
  eventType: TeamEventTypeOutput,
  rangeStart: number,
  rangeEnd: number,
  now: number,
  options: FreeSlotOptions = {},
): number[] {
  const { fixed, pool } = hostGroups(data, eventType);
  const starts = startsFor(data, eventType, rangeStart, rangeEnd, now, options);
  const fixedSets = fixed.map(starts);
  const poolUnion = new Set(pool.flatMap((user) => [...starts(user)]));
  const sets = pool.length === 0 ? fixedSets : [...fixedSets, poolUnion];
  return intersect(sets).sort((left, right) => left - right);
}

function activeBookingsOf(data: SimulatorData, eventTypeId: number, userId: number, except?: string): number {
  return data.bookings.filter(
    (booking) =>
      booking.eventTypeId === eventTypeId &&
      booking.uid !== except &&
      booking.status !== 'cancelled' &&
      booking.status !== 'rejected' &&
      booking.hosts.some((host) => host.id === userId),
  ).length;
}

/**
 * Picks the round-robin host the simulator assigns (its documented, deterministic rule, docs/CALCOM-API.md §7.5):
 * among the candidates free at the start, the one with the fewest accepted or pending bookings of this event type,
 * then the lowest user id. Cal.com's own rule also weighs priorities, weights and who was booked least recently.
 *
 * @param data The state.
 * @param eventType The team event type.
 * @param candidates The hosts that may be assigned.
 * @param except A booking not to count (the one being reassigned).
 * @returns The host, or `undefined` when there is no candidate.
 */
export function pickRoundRobinHost(
  data: SimulatorData,
  eventType: TeamEventTypeOutput,
  candidates: readonly SimulatorUser[],
  except?: string,
): SimulatorUser | undefined {
  return [...candidates].sort(
    (left, right) =>
      activeBookingsOf(data, eventType.id, left.id, except) - activeBookingsOf(data, eventType.id, right.id, except) ||
      left.id - right.id,
  )[0];
}

/**
 * The hosts a new booking of a team event type at `start` gets: every host of a collective event, or the mandatory
 * hosts plus one round-robin host picked by {@link pickRoundRobinHost}.
 *
 * @param data The state.
 * @param eventType The team event type.
 * @param start The start, epoch ms.
 * @param now Current time, epoch ms.
 * @param options Booking to ignore, length override.
 * @returns The hosts, or `undefined` when the time is not free.
 */
export function assignTeamHosts(
  data: SimulatorData,
  eventType: TeamEventTypeOutput,
  start: number,
  now: number,
  options: FreeSlotOptions = {},
): SimulatorUser[] | undefined {
  const { fixed, pool } = hostGroups(data, eventType);
  const starts = startsFor(data, eventType, start, start, now, options);
  if (!fixed.every((user) => starts(user).has(start))) return undefined;
  if (pool.length === 0) return fixed;
  const picked = pickRoundRobinHost(
    data,
    eventType,
    pool.filter((user) => starts(user).has(start)),
  );
  return picked === undefined ? undefined : [...fixed, picked];
}

/**
 * The round-robin (not mandatory) hosts of a team event type who are free at `start`.
 *
 * @param data The state.
 * @param eventType The team event type.
 * @param start The start, epoch ms.
 * @param now Current time, epoch ms.
 * @param options Length override (the booking's length).
 * @returns The free round-robin hosts.
 */
export function freeRoundRobinHosts(
  data: SimulatorData,
  eventType: TeamEventTypeOutput,
  start: number,
  now: number,
  options: FreeSlotOptions = {},
): SimulatorUser[] {
  const { pool } = hostGroups(data, eventType);
  const starts = startsFor(data, eventType, start, start, now, options);
  return pool.filter((user) => starts(user).has(start));
}

/**
 * Free starts of a dynamic group event (`usernames=a,b`): every user free on their default schedule, for
 * `lengthInMinutes` (default {@link DYNAMIC_EVENT_MINUTES}), with no notice or buffers.
 *
 * @param data The state.
 * @param users The users of the group.
 * @param rangeStart First allowed start, epoch ms.
 * @param rangeEnd Last allowed start, epoch ms.
 * @param now Current time, epoch ms.
 * @param lengthInMinutes The length.
 * @returns Slot starts in epoch ms, ascending.
 */
export function dynamicFreeSlotStarts(
  data: SimulatorData,
  users: readonly SimulatorUser[],
  rangeStart: number,
  rangeEnd: number,
  now: number,
  lengthInMinutes: number,
): number[] {
  const sets = users.map((user) => {
    const eventType = {
      id: 0,
      ownerId: user.id,
      scheduleId: null,
      lengthInMinutes,
      slotInterval: null,
      minimumBookingNotice: 0,
      beforeEventBuffer: 0,
      afterEventBuffer: 0,
    } as unknown as EventTypeOutput;
    return new Set(freeSlotStarts(data, eventType, rangeStart, rangeEnd, now, { lengthInMinutes }));
  });
  return intersect(sets).sort((left, right) => left - right);
}

/**
 * A user as a booking host (`BookingHost`).
 *
 * @param user The user.
 * @returns The host entry.
 */
export function bookingHost(user: SimulatorUser): BookingHost {
  const name = user.name ?? user.username;
  return {
    id: user.id,
    name,
    email: user.email,
    displayEmail: user.email,
    username: user.username,
    timeZone: user.timeZone,
  };
}
