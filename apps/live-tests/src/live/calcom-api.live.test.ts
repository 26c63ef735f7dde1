import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CalComAuthError,
  CalComClient,
  CalComConfigError,
  CalComNotFoundError,
  CalComSlotUnavailableError,
  CalComValidationError,
  type EventType,
  type Slot,
  type User,
} from '@calcom-int/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { attendeeEmail, createTestEventType, DAY, epoch, MINUTE, upcomingSlots } from '../support/booking-helpers';
import { useLiveSession } from '../support/live-session';

/** This file's label in slugs and attendee emails. */
const LABEL = 'api';

describe('Cal.com API v2 through a real socket', { tags: ['integration'] }, () => {
  const live = useLiveSession(LABEL);
  let me: User;
  let eventType: EventType;
  let slots: Slot[];
  let nextSlot = 0;

  /** Hands out a different free slot to each booking of the file. */
  const takeSlot = (): Slot => {
    const slot = slots[nextSlot];
    nextSlot += 1;
    if (slot === undefined) throw new Error(`Ran out of free slots after ${nextSlot - 1} bookings.`);
    return slot;
  };

  const book = async (label: string) => {
    const slot = takeSlot();
    const result = await live.client.bookings.create({
      eventTypeId: eventType.id,
      start: slot.start,
      attendee: { name: `Live Test ${label}`, email: attendeeEmail(label), timeZone: 'Europe/Berlin' },
      notes: `calcom-int live test ${label}`,
    });
    live.tracker.booking(result.booking.uid);
    return { slot, ...result };
  };

  beforeAll(async () => {
    me = await live.client.me.get();
    eventType = await createTestEventType(live.client, live.tracker, LABEL);
    slots = await upcomingSlots(live.target, eventType.id, 8);
  });

  it('authenticates with the configured key', async () => {
    const user = await live.client.me.get();
    expect(user.id).toBeGreaterThan(0);
    expect(user.email).toMatch(/@/);
    if (live.target.simulator !== undefined) {
      expect(user.id).toBe(live.target.simulator.state.users[0]?.id);
    }
  });

  it('sends Bearer auth and the per-resource cal-api-version on the wire', async () => {
    const seen: Array<{ method: string; path: string; version: string | null; bearer: boolean }> = [];
    const capture = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      const request = input instanceof Request ? input : undefined;
      const headers = new Headers(init?.headers ?? request?.headers);
      seen.push({
        method: (init?.method ?? request?.method ?? 'GET').toUpperCase(),
        path: new URL(request?.url ?? String(input)).pathname.replace(/^.*\/v2\//, '/v2/'),
        version: headers.get('cal-api-version'),
        // Compared, never printed: a failing diff must not show a real key.
        bearer: headers.get('authorization') === `Bearer ${live.target.apiKey}`,
      });
      return globalThis.fetch(input, init);
    };
    const probe = live.target.createClient({ fetch: capture as typeof globalThis.fetch });
    try {
      await probe.me.get();
      await probe.eventTypes.list();
      await probe.slots.list({
        eventTypeId: eventType.id,
        start: new Date(live.target.now().getTime() + DAY),
        end: new Date(live.target.now().getTime() + 2 * DAY),
        timeZone: 'UTC',
      });
      await probe.bookings.list({ limit: 1 });
      await probe.teams.list();
    } finally {
      await probe.close();
    }
    const versionOf = (path: string) => seen.find((call) => call.path === path)?.version;
    expect(seen.every((call) => call.bearer)).toBe(true);
    expect(versionOf('/v2/me')).toBeNull();
    expect(versionOf('/v2/event-types')).toBe('2024-06-14');
    expect(versionOf('/v2/slots')).toBe('2024-09-04');
    expect(versionOf('/v2/bookings')).toBe('2024-08-13');
    expect(versionOf('/v2/teams')).toBeNull();
  });

  it('reads the profile', async () => {
    expect(me.username).toEqual(expect.any(String));
    expect(() => new Intl.DateTimeFormat('en', { timeZone: me.timeZone })).not.toThrow();
    expect(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']).toContain(me.weekStart);
    expect([12, 24]).toContain(me.timeFormat);
    if (live.target.simulator !== undefined) {
      const seeded = live.target.simulator.state.users[0];
      expect(me).toMatchObject({
        id: seeded?.id,
        email: seeded?.email,
        username: seeded?.username,
        timeZone: seeded?.timeZone,
      });
    }
  });

  it('lists event types and gets one by id', async () => {
    const list = await live.client.eventTypes.list();
    const listed = list.find((item) => item.id === eventType.id);
    expect(listed).toMatchObject({
      id: eventType.id,
      slug: eventType.slug,
      title: eventType.title,
      lengthInMinutes: 30,
    });
    const fetched = await live.client.eventTypes.get(eventType.id);
    expect(fetched).toMatchObject({
      id: eventType.id,
      slug: eventType.slug,
      title: eventType.title,
      lengthInMinutes: 30,
    });
    expect(new Set(list.map((item) => item.id)).size).toBe(list.length);
  });

  it('lists availability over a date range', async () => {
    const start = new Date(live.target.now().getTime() + DAY);
    const end = new Date(live.target.now().getTime() + 4 * DAY);
    const availability = await live.client.availability.list({
      start,
      end,
      eventTypeId: eventType.id,
      timeZone: 'UTC',
    });
    expect(availability.eventTypeId).toBe(eventType.id);
    expect(availability.slots.length).toBeGreaterThan(0);
    for (const slot of availability.slots) {
      expect(epoch(slot.start)).toBeGreaterThanOrEqual(start.getTime() - DAY);
      expect(epoch(slot.end)).toBeLessThanOrEqual(end.getTime() + DAY);
      expect(epoch(slot.end) - epoch(slot.start)).toBe(30 * MINUTE);
    }
    const starts = availability.slots.map((slot) => epoch(slot.start));
    expect(starts).toEqual([...starts].sort((left, right) => left - right));
  });

  it('lists bookings as a page', async () => {
    const page = await live.client.bookings.list({ limit: 5 });
    expect(page.items.length).toBeLessThanOrEqual(5);
    expect(page.pagination).toEqual(expect.objectContaining({ totalItems: expect.any(Number) }));
  });

  it('creates a booking that then appears in the list with the details sent', async () => {
    const { slot, booking, confirmation } = await book('create');
    expect(booking).toMatchObject({ status: 'accepted', eventTypeId: eventType.id, durationMinutes: 30 });
    expect(epoch(booking.start)).toBe(epoch(slot.start));
    expect(epoch(booking.end)).toBe(epoch(slot.start) + 30 * MINUTE);
    expect(booking.attendees[0]).toMatchObject({
      name: 'Live Test create',
      email: attendeeEmail('create'),
      timeZone: 'Europe/Berlin',
    });
    expect(confirmation).toMatchObject({ bookingUid: booking.uid, bookingId: booking.id, status: 'accepted' });

    const page = await live.client.bookings.list({ attendeeEmail: attendeeEmail('create') });
    expect(page.items.map((item) => item.uid)).toEqual([booking.uid]);

    const fetched = await live.client.bookings.get(booking.uid);
    expect(fetched).toMatchObject({
      uid: booking.uid,
      status: 'accepted',
      eventTypeId: eventType.id,
    });
    expect(epoch(fetched.start)).toBe(epoch(slot.start));
    expect(fetched.attendees.map((attendee) => attendee.email)).toEqual([attendeeEmail('create')]);
    // The notes travel as the `notes` booking field; Cal.com merges them into the booking's responses.
    expect(booking.notes).toBe('calcom-int live test create');
    expect(fetched.notes).toBe('calcom-int live test create');
    expect(fetched.responses).toMatchObject({
      name: 'Live Test create',
      email: attendeeEmail('create'),
      notes: 'calcom-int live test create',
    });
  });

  it('reschedules: the new time is set, the old time is free again and the old uid points to the new one', async () => {
    const original = await book('reschedule');
    const newSlot = takeSlot();

    const { booking: moved } = await live.client.bookings.reschedule(original.booking.uid, {
      start: newSlot.start,
      reason: 'calcom-int live test: moved',
    });
    live.tracker.booking(moved.uid);

    expect(moved.uid).not.toBe(original.booking.uid);
    expect(epoch(moved.start)).toBe(epoch(newSlot.start));
    expect(moved.status).toBe('accepted');
    expect(moved.rescheduledFromUid).toBe(original.booking.uid);

    const old = await live.client.bookings.get(original.booking.uid);
    expect(old.status).toBe('cancelled');
    expect(old.rescheduledToUid).toBe(moved.uid);

    const free = await live.client.slots.list({
      eventTypeId: eventType.id,
      start: new Date(epoch(original.slot.start) - MINUTE),
      end: new Date(epoch(original.slot.start) + 31 * MINUTE),
      timeZone: 'UTC',
    });
    expect(free.map((slot) => epoch(slot.start))).toContain(epoch(original.slot.start));
  });

  it('cancels with a reason, and a second cancel reports it was already cancelled', async () => {
    const { booking } = await book('cancel');
    const cancelled = await live.client.bookings.cancel(booking.uid, {
      reason: 'calcom-int live test: no longer needed',
    });
    expect(cancelled).toMatchObject({
      uid: booking.uid,
      status: 'cancelled',
      reason: 'calcom-int live test: no longer needed',
      alreadyCancelled: false,
    });
    const fetched = await live.client.bookings.get(booking.uid);
    expect(fetched).toMatchObject({
      status: 'cancelled',
      cancellationReason: 'calcom-int live test: no longer needed',
    });
    const again = await live.client.bookings.cancel(booking.uid, { reason: 'again' });
    expect(again).toMatchObject({ uid: booking.uid, status: 'cancelled', alreadyCancelled: true });
  });

  it('adds a guest, changes the location and reads the calendar links and conferencing apps', async () => {
    const { booking } = await book('people');
    const guest = attendeeEmail('guest');
    const added = await live.client.bookings.addGuests(booking.uid, { guests: [{ email: guest, name: 'Live Guest' }] });
    expect(added.booking.attendees.map((attendee) => attendee.email)).toContain(guest);
    expect((await live.client.bookings.listAttendees(booking.uid)).map((attendee) => attendee.email)).toContain(guest);
    const link = 'https://meet.example.com/calcom-int-live';
    const moved = await live.client.bookings.updateLocation(booking.uid, { location: { type: 'link', link } });
    expect(moved.booking.location).toBe(link);
    expect((await live.client.bookings.get(booking.uid)).location).toBe(link);
    const links = await live.client.bookings.calendarLinks(booking.uid);
    expect(links.length).toBeGreaterThan(0);
    expect(Array.isArray(await live.client.conferencing.list())).toBe(true);
    // mark-absent needs a booking that has started; a live run cannot make one, so the simulator tests cover it.
  });

  it('creates, updates and deletes a schedule, a private link and a webhook, leaving nothing behind', async () => {
    const schedule = await live.client.schedules.create({
      name: `calcom-int live ${LABEL}`,
      timeZone: 'Europe/Rome',
      isDefault: false,
      availability: [{ days: ['Monday', 'Tuesday'], startTime: '08:00', endTime: '12:00' }],
    });
    try {
      const updated = await live.client.schedules.update(schedule.id, {
        overrides: [{ date: '2030-12-24', startTime: '09:00', endTime: '10:00' }],
      });
      expect(updated.overrides).toEqual([{ date: '2030-12-24', startTime: '09:00', endTime: '10:00' }]);
      expect((await live.client.schedules.get(schedule.id)).availability).toEqual(schedule.availability);
    } finally {
      await live.client.schedules.delete(schedule.id);
    }
    expect((await live.client.schedules.list()).some((candidate) => candidate.id === schedule.id)).toBe(false);

    const link = await live.client.eventTypes.privateLinks.create(eventType.id, { maxUsageCount: 2 });
    try {
      expect(link).toMatchObject({ eventTypeId: eventType.id, maxUsageCount: 2, isExpired: false });
      const changed = await live.client.eventTypes.privateLinks.update(eventType.id, link.linkId, { maxUsageCount: 3 });
      expect(changed.maxUsageCount).toBe(3);
    } finally {
      await live.client.eventTypes.privateLinks.delete(eventType.id, link.linkId);
    }
    expect(await live.client.eventTypes.privateLinks.list(eventType.id)).toEqual([]);

    const webhook = await live.client.webhooks.create({
      subscriberUrl: `https://example.com/calcom-int-live/${LABEL}`,
      triggers: ['BOOKING_CREATED'],
      active: false,
      secret: 'calcom-int-live-secret',
    });
    try {
      expect(webhook).toMatchObject({ active: false, hasSecret: true, triggers: ['BOOKING_CREATED'] });
    } finally {
      await live.client.webhooks.delete(webhook.id);
    }
    expect((await live.client.webhooks.list()).some((candidate) => candidate.id === webhook.id)).toBe(false);
  });

  it('reads bookings with the bookings API version 2026-02-25', async () => {
    const { booking } = await book('version-2026');
    const read = await live.client.bookings.get(booking.uid, { apiVersion: '2026-02-25' });
    expect(read).toMatchObject({ uid: booking.uid, status: booking.status, start: booking.start });
  });

  it('lists teams and gets one with its members', async () => {
    const teams = await live.client.teams.list();
    if (live.target.simulator !== undefined) {
      const memberOf = live.target.simulator.state.memberships
        .filter((membership) => membership.userId === me.id)
        .map((membership) => membership.teamId);
      expect(teams.map((team) => team.id).sort()).toEqual([...new Set(memberOf)].sort());
      expect(teams.length).toBeGreaterThan(0);
    }
    const first = teams[0];
    if (first === undefined) {
      // A real account without teams: the list is empty and there is nothing to get.
      expect(teams).toEqual([]);
      return;
    }
    const team = await live.client.teams.get(first.id);
    expect(team).toMatchObject({ id: first.id, name: first.name });
    expect(team.members?.map((member) => member.userId)).toContain(me.id);
    const members = await live.client.teams.listMembers(first.id);
    expect(members.map((member) => member.userId).sort()).toEqual(
      (team.members ?? []).map((member) => member.userId).sort(),
    );
  });

  it('updates the time zone, which persists, then reverts it', async () => {
    const original = me.timeZone;
    const changed = original === 'America/New_York' ? 'Asia/Tokyo' : 'America/New_York';
    try {
      const updated = await live.client.me.update({ timeZone: changed });
      expect(updated.timeZone).toBe(changed);
      expect((await live.client.me.get()).timeZone).toBe(changed);
    } finally {
      const reverted = await live.client.me.update({ timeZone: original });
      expect(reverted.timeZone).toBe(original);
    }
    expect((await live.client.me.get()).timeZone).toBe(original);
  });

  describe('errors with real responses', () => {
    it('an unknown event type is a CalComNotFoundError', async () => {
      const error = await live.client.eventTypes.get(2_000_000_000).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(CalComNotFoundError);
      expect(error).toMatchObject({ status: 404, retryable: false });
    });

    it('booking a taken slot is a CalComSlotUnavailableError and creates nothing', async () => {
      const { slot } = await book('taken');
      const error = await live.client.bookings
        .create({
          eventTypeId: eventType.id,
          start: slot.start,
          attendee: { name: 'Second Caller', email: attendeeEmail('taken-second'), timeZone: 'UTC' },
        })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(CalComSlotUnavailableError);
      const second = await live.client.bookings.list({ attendeeEmail: attendeeEmail('taken-second') });
      for (const item of second.items) live.tracker.booking(item.uid);
      expect(second.items).toEqual([]);
    });

    it('invalid dates are a CalComValidationError naming the field, refused before anything is sent', async () => {
      const sentBefore = live.target.simulator?.requests.length;
      const notADate = await live.client.bookings
        .create({
          eventTypeId: eventType.id,
          start: 'next tuesday',
          attendee: { name: 'Bad Date', email: attendeeEmail('bad-date'), timeZone: 'UTC' },
        })
        .catch((caught: unknown) => caught);
      expect(notADate).toBeInstanceOf(CalComValidationError);
      expect((notADate as CalComValidationError).issues.map((issue) => issue.path).join(' ')).toMatch(/start/);

      const reversed = await live.client.slots
        .list({
          eventTypeId: eventType.id,
          start: new Date(live.target.now().getTime() + 3 * DAY),
          end: new Date(live.target.now().getTime() + DAY),
          timeZone: 'UTC',
        })
        .catch((caught: unknown) => caught);
      expect(reversed).toBeInstanceOf(CalComValidationError);
      expect((reversed as CalComValidationError).issues.map((issue) => issue.path).join(' ')).toMatch(/end/);
      if (live.target.simulator !== undefined) expect(live.target.simulator.requests.length).toBe(sentBefore);
    });

    it('an invalid key is a CalComAuthError that does not contain the key', async () => {
      const badKey = 'cal_live_invalid_key_0000_0000_0000';
      const badClient = live.target.createClient({ apiKey: badKey });
      try {
        const error = await badClient.me.get().catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(CalComAuthError);
        expect(error).toMatchObject({ status: 401, retryable: false });
        expect(JSON.stringify(error)).not.toContain(badKey);
        expect((error as Error).message).not.toContain(badKey);
      } finally {
        await badClient.close();
      }
    });

    it('a missing .env file or a missing key is a CalComConfigError', async () => {
      const folder = mkdtempSync(join(tmpdir(), 'calcom-int-env-'));
      const missingFile = await Promise.resolve()
        .then(() => live.target.createClient({ envFile: join(folder, 'missing', '.env') }))
        .then((created) => created.me.get())
        .catch((caught: unknown) => caught);
      expect(missingFile).toBeInstanceOf(CalComConfigError);

      const emptyEnv = join(folder, '.env');
      writeFileSync(emptyEnv, '# no key here\n');
      const savedKey = process.env.CAL_COM_API_KEY;
      delete process.env.CAL_COM_API_KEY;
      try {
        const missingKey = await Promise.resolve()
          .then(() => new CalComClient({ envFile: emptyEnv, baseUrl: live.target.baseUrl }))
          .then((created) => created.me.get())
          .catch((caught: unknown) => caught);
        expect(missingKey).toBeInstanceOf(CalComConfigError);
        expect((missingKey as Error).message).toMatch(/CAL_COM_API_KEY/);
      } finally {
        if (savedKey !== undefined) process.env.CAL_COM_API_KEY = savedKey;
        rmSync(folder, { recursive: true, force: true });
      }
    });
  });
});
