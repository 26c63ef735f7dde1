import type { Route } from './context';
import { bookingRoutes } from './resources/bookings';
import { eventTypeRoutes } from './resources/event-types';
import { meRoutes } from './resources/me';
import { scheduleRoutes } from './resources/schedules';
import { slotRoutes } from './resources/slots';
import { teamRoutes } from './resources/teams';
import { webhookRoutes } from './resources/webhooks';

/** Every route the simulator serves. */
export const ROUTES: readonly Route[] = [
  ...meRoutes,
  ...eventTypeRoutes,
  ...slotRoutes,
  ...scheduleRoutes,
  ...bookingRoutes,
  ...teamRoutes,
  ...webhookRoutes,
];
