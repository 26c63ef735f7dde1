export * from './update-booking-location';
