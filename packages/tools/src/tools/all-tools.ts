import type { CalComTool } from '../define-tool';
import { addBookingGuests } from './add-booking-guests';
import { cancelBooking } from './cancel-booking';
import { confirmBooking } from './confirm-booking';
import { createBooking } from './create-booking';
import { createEventType } from './create-event-type';
import { createPrivateLink } from './create-private-link';
import { createSchedule } from './create-schedule';
import { createWebhook } from './create-webhook';
import { declineBooking } from './decline-booking';
import { deleteEventType } from './delete-event-type';
import { deletePrivateLink } from './delete-private-link';
import { deleteSchedule } from './delete-schedule';
import { deleteWebhook } from './delete-webhook';
import { getBooking } from './get-booking';
import { getBookingLinks } from './get-booking-links';
import { getBusyTimes } from './get-busy-times';
import { getEventType } from './get-event-type';
import { getRoutingFormSlots } from './get-routing-form-slots';
import { getTeam } from './get-team';
import { getUserProfile } from './get-user-profile';
import { listAvailability } from './list-availability';
import { listBookings } from './list-bookings';
import { listEventTypes } from './list-event-types';
import { listPrivateLinks } from './list-private-links';
import { listSchedules } from './list-schedules';
import { listTeams } from './list-teams';
import { listWebhooks } from './list-webhooks';
import { markNoShow } from './mark-no-show';
import { reassignBooking } from './reassign-booking';
import { rescheduleBooking } from './reschedule-booking';
import { updateBookingLocation } from './update-booking-location';
import { updateEventType } from './update-event-type';
import { updatePrivateLink } from './update-private-link';
import { updateSchedule } from './update-schedule';
import { updateUserTimezone } from './update-user-timezone';

/** Every Cal.com tool, in the order agents see them. */
export const calComTools: readonly CalComTool[] = [
  getUserProfile,
  listEventTypes,
  getEventType,
  createEventType,
  updateEventType,
  deleteEventType,
  listPrivateLinks,
  createPrivateLink,
  updatePrivateLink,
  deletePrivateLink,
  listAvailability,
  getBusyTimes,
  getRoutingFormSlots,
  listSchedules,
  createSchedule,
  updateSchedule,
  deleteSchedule,
  listBookings,
  getBooking,
  getBookingLinks,
  createBooking,
  rescheduleBooking,
  cancelBooking,
  confirmBooking,
  declineBooking,
  addBookingGuests,
  updateBookingLocation,
  markNoShow,
  reassignBooking,
  listTeams,
  getTeam,
  updateUserTimezone,
  listWebhooks,
  createWebhook,
  deleteWebhook,
];
