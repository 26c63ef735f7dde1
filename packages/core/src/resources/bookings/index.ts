export * from './booking-filters';
export * from './bookings';
