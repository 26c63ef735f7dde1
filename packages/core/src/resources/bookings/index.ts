export * from './booking-filters';
export * from './booking-result';
export * from './booking-types';
export * from './bookings';
export { isAmbiguous } from './reconcile';
