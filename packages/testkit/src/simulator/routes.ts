import { bookingSeatRoutes } from './booking-series';
import type { Route } from './context';
import { oauthRoutes } from './oauth-token';
import { bookingCalendarLinkRoutes } from './resources/booking-calendar-links';
import { bookingListRoutes } from './resources/booking-list';
import { bookingLocationRoutes } from './resources/booking-location';
import { bookingPeopleRoutes } from './resources/booking-people';
import { bookingReassignRoutes } from './resources/booking-reassign';
import { bookingRoutes } from './resources/bookings';
import { calendarRoutes } from './resources/calendars';
import { conferencingRoutes } from './resources/conferencing';
import { eventTypeRoutes } from './resources/event-types';
import { meRoutes } from './resources/me';
import { privateLinkRoutes } from './resources/private-links';
import { routingFormRoutes } from './resources/routing-forms';
import { scheduleRoutes } from './resources/schedules';
import { slotRoutes } from './resources/slots';
import { teamRoutes } from './resources/teams';
import { webhookRoutes } from './resources/webhooks';

/** Every route the simulator serves. */
export const ROUTES: readonly Route[] = [
  ...meRoutes,
  ...eventTypeRoutes,
  ...privateLinkRoutes,
  ...slotRoutes,
  ...scheduleRoutes,
  ...bookingSeatRoutes,
  ...bookingListRoutes,
  ...bookingRoutes,
  ...bookingReassignRoutes,
  ...bookingPeopleRoutes,
  ...bookingLocationRoutes,
  ...bookingCalendarLinkRoutes,
  ...teamRoutes,
  ...webhookRoutes,
  ...calendarRoutes,
  ...conferencingRoutes,
  ...routingFormRoutes,
  ...oauthRoutes,
];
