import type { CalComTool } from '../define-tool';
import { cancelBooking } from './cancel-booking';
import { confirmBooking } from './confirm-booking';
import { createBooking } from './create-booking';
import { declineBooking } from './decline-booking';
import { getBooking } from './get-booking';
import { getEventType } from './get-event-type';
import { getTeam } from './get-team';
import { getUserProfile } from './get-user-profile';
import { listAvailability } from './list-availability';
import { listBookings } from './list-bookings';
import { listEventTypes } from './list-event-types';
import { listTeams } from './list-teams';
import { rescheduleBooking } from './reschedule-booking';
import { updateUserTimezone } from './update-user-timezone';

/** Every Cal.com tool, in the order agents see them. */
export const calComTools: readonly CalComTool[] = [
  getUserProfile,
  listEventTypes,
  getEventType,
  listAvailability,
  listBookings,
  getBooking,
  createBooking,
  rescheduleBooking,
  cancelBooking,
  confirmBooking,
  declineBooking,
  listTeams,
  getTeam,
  updateUserTimezone,
];
