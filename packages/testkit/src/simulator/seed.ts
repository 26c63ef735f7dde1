import type { BookingOutput } from '../dto/booking';
import type { EventTypeOutput } from '../dto/event-type';
import { buildConnectedCalendar, buildDestinationCalendar } from '../fixtures/calendar';
import { buildEventType, buildTeamEventType, defaultBookingFields } from '../fixtures/event-type';
import { buildSchedule } from '../fixtures/schedule';
import { buildMe, buildMembership, buildTeam } from '../fixtures/user';
import { buildWebhook } from '../fixtures/webhook';
import { createBookingRecord } from './booking-record';
import { createOAuthState } from './oauth';
import { createRandom } from './random';
import { seedRoutingForms } from './resources/routing-forms';
import { addDays, localDate, weekdayIndex, zonedToEpoch } from './time-zone';
import type { SeedOptions, SimulatorData, SimulatorUser } from './types';

/** API key of the default simulator user (starts with `cal_`, does not look like a real test/live key). */
export const DEFAULT_API_KEY = 'cal_sim_demo_key_0001';

/** API key of the second simulator user, for "resource of another user" tests. */
export const SECOND_API_KEY = 'cal_sim_demo_key_0002';

function user(overrides: Partial<SimulatorUser> & { apiKey: string }): SimulatorUser {
  return { ...buildMe(), locale: 'en', metadata: {}, ...overrides };
}

function nextWeekdays(from: string, count: number): string[] {
  const days: string[] = [];
  for (let date = addDays(from, 1); days.length < count; date = addDays(date, 1)) {
    if (weekdayIndex(date) < 5) days.push(date);
  }
  return days;
}

function previousWeekday(from: string): string {
  let date = addDays(from, -7);
  while (weekdayIndex(date) >= 5) date = addDays(date, -1);
  return date;
}

function eventTypesOf(owner: SimulatorUser): EventTypeOutput[] {
  const users = [
    {
      id: owner.id,
      name: owner.name,
      username: owner.username,
      avatarUrl: null,
      weekStart: owner.weekStart,
      brandColor: null,
      darkBrandColor: null,
      metadata: null,
    },
  ];
  const make = (overrides: Partial<EventTypeOutput>): EventTypeOutput =>
    buildEventType({
      ownerId: owner.id,
      users,
      bookingUrl: `https://cal.com/${owner.username}/${overrides.slug ?? ''}`,
      ...overrides,
    });
  if (owner.id !== 1001) {
    return [make({ id: 3501, title: 'Intro call', slug: 'intro', lengthInMinutes: 30 })];
  }
  return [
    make({ id: 3001, title: '15 min meeting', slug: 'fifteen-minutes', lengthInMinutes: 15 }),
    make({ id: 3002, title: '30 min meeting', slug: 'thirty-minutes', lengthInMinutes: 30 }),
    make({
      id: 3003,
      title: 'Consultation',
      slug: 'consultation',
      lengthInMinutes: 60,
      beforeEventBuffer: 10,
      afterEventBuffer: 10,
      confirmationPolicy: { type: 'always', blockUnconfirmedBookingsInBooker: true },
    }),
    make({ id: 3004, title: 'Private session', slug: 'private-session', lengthInMinutes: 45, hidden: true }),
    make({
      id: 3005,
      title: 'Weekly coaching',
      slug: 'weekly-coaching',
      lengthInMinutes: 30,
      recurrence: { frequency: 'weekly', interval: 1, occurrences: 4 },
    }),
    make({
      id: 3006,
      title: 'Group workshop',
      slug: 'group-workshop',
      lengthInMinutes: 60,
      seats: { seatsPerTimeSlot: 3, showAttendeeInfo: false, showAvailabilityCount: true },
    }),
    make(discoveryCall()),
  ];
}

/** An event type with several lengths, locations and a required custom question (create_booking's full input). */
function discoveryCall(): Partial<EventTypeOutput> {
  const question = (slug: string, label: string, required: boolean) =>
    ({ type: 'text', slug, label, placeholder: '', required, hidden: false, isDefault: false }) as const;
  return {
    id: 3007,
    title: 'Discovery call',
    slug: 'discovery-call',
    lengthInMinutes: 30,
    lengthInMinutesOptions: [30, 45, 60],
    locations: [
      { type: 'integration', integration: 'cal-video' },
      { type: 'address', address: '12 St James Square, London', public: true },
      { type: 'link', link: 'https://meet.example.com/ada', public: true },
      { type: 'phone', phone: '+442071234567', public: true },
      { type: 'attendeePhone' },
    ],
    bookingFields: [
      ...defaultBookingFields(),
      question('company', 'Company', true),
      question('goal', 'What would you like to discuss?', false),
    ],
  };
}

const ATTENDEES = [
  { name: 'Grace Hopper', email: 'grace@example.com', timeZone: 'America/New_York' },
  { name: 'Alan Turing', email: 'alan@example.com', timeZone: 'Europe/London' },
  { name: 'Katherine Johnson', email: 'katherine@example.com', timeZone: 'America/Chicago' },
  { name: 'Hedy Lamarr', email: 'hedy@example.com', timeZone: 'Europe/Vienna' },
  { name: 'Tu Youyou', email: 'tu@example.com', timeZone: 'Asia/Shanghai' },
] as const;

function attendeeAt(index: number): { name: string; email: string; timeZone: string } {
  const attendee = ATTENDEES[index % ATTENDEES.length] ?? ATTENDEES[0];
  return { name: attendee.name, email: attendee.email, timeZone: attendee.timeZone };
}

function seedBookings(data: SimulatorData, now: Date, ada: SimulatorUser, charles: SimulatorUser): void {
  const zone = ada.timeZone;
  const today = localDate(now.getTime(), zone);
  const [day1 = today, day2 = today, day3 = today] = nextWeekdays(today, 3);
  const at = (date: string, hour: number, timeZone = zone) => zonedToEpoch(date, hour * 60, timeZone);
  const type = (id: number): EventTypeOutput => {
    const found = data.eventTypes.find((eventType) => eventType.id === id);
    if (found === undefined) throw new Error(`seed: event type ${id} missing`);
    return found;
  };
  const createdAt = new Date(now.getTime() - 14 * 86_400_000);
  const base = { host: ada, createdAt };
  createBookingRecord(data, {
    ...base,
    eventType: type(3002),
    start: at(day1, 10),
    attendee: attendeeAt(0),
    status: 'accepted',
  });
  createBookingRecord(data, {
    ...base,
    eventType: type(3003),
    start: at(day1, 14),
    attendee: attendeeAt(1),
    status: 'pending',
  });
  createBookingRecord(data, {
    ...base,
    eventType: type(3001),
    start: at(previousWeekday(today), 9),
    attendee: attendeeAt(2),
    status: 'accepted',
  });
  createBookingRecord(data, {
    ...base,
    eventType: type(3002),
    start: at(day2, 9),
    attendee: attendeeAt(3),
    status: 'cancelled',
    extra: { cancellationReason: 'Attendee is travelling', cancelledByEmail: 'hedy@example.com' },
  });
  const from: BookingOutput = createBookingRecord(data, {
    ...base,
    eventType: type(3002),
    start: at(day2, 11),
    attendee: attendeeAt(4),
    status: 'cancelled',
  });
  const to = createBookingRecord(data, {
    ...base,
    eventType: type(3002),
    start: at(day3, 11),
    attendee: attendeeAt(4),
    status: 'accepted',
    extra: { rescheduledFromUid: from.uid, reschedulingReason: 'Moved by attendee' },
  });
  from.rescheduledToUid = to.uid;
  from.reschedulingReason = 'Moved by attendee';
  from.rescheduledByEmail = 'tu@example.com';
  createBookingRecord(data, {
    host: charles,
    createdAt,
    eventType: type(3501),
    start: at(day1, 15, charles.timeZone),
    attendee: attendeeAt(0),
    status: 'accepted',
  });
}

function seedCalendars(data: SimulatorData, now: Date, ada: SimulatorUser, charles: SimulatorUser): void {
  const today = localDate(now.getTime(), ada.timeZone);
  const [day1 = today, day2 = today] = nextWeekdays(today, 2);
  const event = (externalId: string, date: string, from: number, to: number, timeZone = ada.timeZone) => ({
    externalId,
    start: zonedToEpoch(date, from * 60, timeZone),
    end: zonedToEpoch(date, to * 60, timeZone),
  });
  const family = 'family-ada@group.calendar.google.com';
  data.calendarConnections.push(
    {
      userId: ada.id,
      appId: 'google-calendar',
      connection: buildConnectedCalendar({
        calendars: [
          { externalId: ada.email, name: ada.email },
          { externalId: family, name: 'Family', readOnly: true, isSelected: false },
        ],
      }),
      events: [event(ada.email, day1, 12, 13), event(ada.email, day2, 8, 9.5), event(family, day2, 18, 20)],
    },
    {
      userId: ada.id,
      appId: 'office365-calendar',
      connection: buildConnectedCalendar({
        app: 'office365',
        credentialId: 4002,
        email: 'ada@work.example.com',
      }),
      events: [event('ada@work.example.com', day1, 12.5, 13.5), event('ada@work.example.com', day1, 16, 17)],
    },
    {
      userId: charles.id,
      appId: 'google-calendar',
      connection: buildConnectedCalendar({ credentialId: 4003, email: charles.email }),
      events: [event(charles.email, day1, 10, 11, charles.timeZone)],
    },
  );
  data.destinationCalendars.push(
    buildDestinationCalendar(),
    buildDestinationCalendar({
      id: 7002,
      externalId: charles.email,
      primaryEmail: charles.email,
      userId: charles.id,
      credentialId: 4003,
      name: charles.email,
      email: charles.email,
    }),
  );
}

function seedGenerated(data: SimulatorData, now: Date, ada: SimulatorUser, options: SeedOptions): void {
  for (let index = 0; index < (options.eventTypes ?? 0); index += 1) {
    const length = [15, 30, 45, 60][index % 4] ?? 30;
    const id = data.nextIds.eventType++;
    data.eventTypes.push(
      buildEventType({
        id,
        ownerId: ada.id,
        title: `Generated ${length} min #${index + 1}`,
        slug: `generated-${index + 1}`,
        lengthInMinutes: length,
        bookingUrl: `https://cal.com/${ada.username}/generated-${index + 1}`,
      }),
    );
  }
  const eventType = data.eventTypes.find((candidate) => candidate.id === 3002);
  if (eventType === undefined) return;
  const today = localDate(now.getTime(), ada.timeZone);
  const statuses = ['accepted', 'accepted', 'pending', 'cancelled'] as const;
  for (let index = 0; index < (options.bookings ?? 0); index += 1) {
    const dayOffset = (index % 2 === 0 ? -1 : 1) * (30 + Math.floor(index / 16));
    const minutes = 9 * 60 + (Math.floor(index / 2) % 8) * 30;
    createBookingRecord(data, {
      host: ada,
      createdAt: new Date(now.getTime() - 60 * 86_400_000),
      eventType,
      start: zonedToEpoch(addDays(today, dayOffset), minutes, ada.timeZone),
      attendee: attendeeAt(index),
      status: statuses[index % statuses.length] ?? 'accepted',
    });
  }
}

/**
 * Builds the seed state relative to `now`: Ada (default key, Europe/Berlin, Mon–Fri 09:00–17:00) with seven event
 * types (15/30/60 min, the 60 min one requires confirmation, a hidden one, a weekly recurring one of 4 occurrences, a
 * seated one of 3 seats, a discovery call of 30/45/60 min with five locations and a required question), Charles (second key, America/New_York),
 * a team with both as members and two team event types (round-robin 45 min, collective 30 min), bookings (past, upcoming, pending, cancelled, a rescheduled
 * pair), a webhook, and connected calendars with busy events (Ada: Google with a selected and an unselected calendar,
 * Outlook; Charles: Google), each user's Google calendar being the destination calendar.
 *
 * @param now The clock at creation.
 * @param options Extra generated data.
 * @returns The state.
 */
export function createSeedData(now: Date, options: SeedOptions = {}): SimulatorData {
  const ada = user({ apiKey: DEFAULT_API_KEY });
  const charles = user({
    apiKey: SECOND_API_KEY,
    id: 1002,
    username: 'charles-babbage',
    email: 'charles@example.com',
    name: 'Charles Babbage',
    timeZone: 'America/New_York',
    defaultScheduleId: 2002,
    timeFormat: 12,
    weekStart: 'Sunday',
  });
  const data: SimulatorData = {
    users: [ada, charles],
    schedules: [
      buildSchedule(),
      buildSchedule({ id: 2002, ownerId: 1002, name: 'Office hours', timeZone: 'America/New_York' }),
    ],
    eventTypes: [...eventTypesOf(ada), ...eventTypesOf(charles)],
    teamEventTypes: [
      buildTeamEventType(),
      buildTeamEventType({
        id: 4002,
        title: 'Team sync',
        slug: 'team-sync',
        lengthInMinutes: 30,
        schedulingType: 'collective',
      }),
    ],
    teams: [
      buildTeam(),
      buildTeam({ id: 5002, name: 'Difference Engines', slug: 'difference-engines', timeZone: 'America/New_York' }),
    ],
    memberships: [
      buildMembership(),
      buildMembership({
        id: 6002,
        userId: 1002,
        role: 'MEMBER',
        user: { email: charles.email, username: charles.username, name: 'Charles Babbage' },
      }),
      buildMembership({
        id: 6003,
        userId: 1002,
        teamId: 5002,
        role: 'OWNER',
        user: { email: charles.email, username: charles.username, name: 'Charles Babbage' },
      }),
    ],
    bookings: [],
    webhooks: [buildWebhook()],
    // One single-use private link of the consultation, so a delete has something to act on.
    privateLinks: [{ linkId: 'c0ffee000001', eventTypeId: 3003, maxUsageCount: 1, usageCount: 0 }],
    reservations: [],
    calendarConnections: [],
    destinationCalendars: [],
    routingForms: seedRoutingForms(),
    oauth: createOAuthState(),
    nextIds: { booking: 9001, eventType: 3100, webhook: 8002, membership: 6100, schedule: 2100 },
    random: createRandom(options.random ?? 1),
  };
  seedBookings(data, now, ada, charles);
  seedCalendars(data, now, ada, charles);
  seedGenerated(data, now, ada, options);
  return data;
}
