export * from './get-booking-links';
