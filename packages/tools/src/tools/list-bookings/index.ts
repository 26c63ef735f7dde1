export * from './list-bookings';
