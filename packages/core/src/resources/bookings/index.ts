export * from './booking-filters';
export type {
  AddAttendeeInput,
  AddGuestsInput,
  BookingLocationInput,
  GuestInput,
  MarkAbsentInput,
  UpdateLocationInput,
} from './booking-people';
export type { ReassignBookingInput, ReassignedHost, ReassignmentResult } from './booking-reassign';
export * from './booking-result';
export * from './booking-types';
export * from './bookings';
export { isAmbiguous } from './reconcile';
