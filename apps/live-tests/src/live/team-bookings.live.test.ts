import type { EventType } from '@calcom-int/core';
import { describe, expect, it } from 'vitest';
import { attendeeEmail, DAY, epoch } from '../support/booking-helpers';
import { useLiveSession } from '../support/live-session';

/** This file's label in slugs and attendee emails. */
const LABEL = 'team';

// Its own file: a target (and, on the simulator, a rate-limit budget) of its own, since a team booking needs a dozen
// requests besides the other files' steps.
describe('team bookings through a real socket', { tags: ['integration'] }, () => {
  const live = useLiveSession(LABEL);

  it('books a round-robin team event by team slug, reports the assigned host and reassigns it', async () => {
    // The first team round-robin event type with at least two hosts; the simulator seeds one, a real account may not.
    let found: { teamSlug: string; eventType: EventType } | undefined;
    for (const team of await live.client.teams.list()) {
      const roundRobin = (await live.client.eventTypes.list({ teamId: team.id })).find(
        (candidate) => candidate.schedulingType === 'roundRobin' && candidate.hosts.length >= 2,
      );
      if (roundRobin !== undefined && team.slug !== null) {
        found = { teamSlug: team.slug, eventType: roundRobin };
        break;
      }
    }
    if (found === undefined) {
      expect(live.target.simulator).toBeUndefined();
      return;
    }
    const { teamSlug, eventType: teamType } = found;
    const now = live.target.now().getTime();
    const range = { start: new Date(now + DAY), end: new Date(now + 8 * DAY), timeZone: 'UTC' };
    // A start at which every host is free (a dynamic group of the hosts), so that the booking can be reassigned.
    const usernames = teamType.hosts.flatMap((host) => (host.username === null ? [] : [host.username]));
    const allFree = new Set(
      (await live.client.slots.list({ usernames, duration: teamType.lengthInMinutes, ...range })).map((slot) =>
        epoch(slot.start),
      ),
    );
    const slot = (await live.client.slots.list({ eventTypeSlug: teamType.slug, teamSlug, ...range })).find(
      (candidate) => allFree.has(epoch(candidate.start)),
    );
    if (slot === undefined) {
      throw new Error(`No start of ${teamType.slug} in the next week at which all hosts are free.`);
    }
    const { booking } = await live.client.bookings.create({
      eventTypeSlug: teamType.slug,
      teamSlug,
      start: slot.start,
      attendee: { name: `Live Test ${LABEL}`, email: attendeeEmail(LABEL), timeZone: 'Europe/Berlin' },
    });
    live.tracker.booking(booking.uid);
    expect(booking.eventTypeId).toBe(teamType.id);
    expect(booking.hosts).toHaveLength(1);
    const before = booking.hosts[0]?.id;
    const moved = await live.client.bookings.reassign(booking.uid);
    expect(moved.bookingUid).toBe(booking.uid);
    expect(moved.reassignedTo.id).not.toBe(before);
    expect((await live.client.bookings.get(booking.uid)).hosts.map((host) => host.id)).toEqual([moved.reassignedTo.id]);
  });

  it('routes a routing form response to a team event type and lists its slots (nothing is saved)', async () => {
    // The simulator seeds form 9d3b6f1e-… (Analytical Engines, docs/CALCOM-API.md §7.10); against Cal.com the step runs
    // when CAL_COM_LIVE_ROUTING_FORM_ID names a team form (answers as JSON in CAL_COM_LIVE_ROUTING_FORM_RESPONSES).
    const formId =
      live.target.simulator === undefined
        ? process.env.CAL_COM_LIVE_ROUTING_FORM_ID
        : '9d3b6f1e-2c4a-4e8b-a1f0-7c5d2e9b4a61';
    if (formId === undefined || formId === '') {
      expect(live.target.simulator).toBeUndefined();
      return;
    }
    const responses =
      live.target.simulator === undefined
        ? (JSON.parse(process.env.CAL_COM_LIVE_ROUTING_FORM_RESPONSES ?? '{}') as Record<string, string>)
        : { topic: 'Product demo' };
    const now = live.target.now().getTime();
    const range = { start: new Date(now + DAY), end: new Date(now + 8 * DAY) };
    const bookingsBefore = live.target.simulator?.state.bookings.length;
    const routed = await live.client.routingForms.calculateSlots(formId, { responses, ...range });
    expect(routed.eventTypeId).toBeGreaterThan(0);
    for (const slot of routed.slots) {
      expect(epoch(slot.start)).toBeGreaterThanOrEqual(range.start.getTime());
      expect(epoch(slot.start)).toBeLessThanOrEqual(range.end.getTime());
    }
    if (live.target.simulator !== undefined) {
      expect(routed.eventTypeId).toBe(4001);
      expect(routed.slots.length).toBeGreaterThan(0);
      // Nothing to clean up: calculate-slots saves no response and books nothing.
      expect(live.target.simulator.state.bookings.length).toBe(bookingsBefore);
    }
  });
});
