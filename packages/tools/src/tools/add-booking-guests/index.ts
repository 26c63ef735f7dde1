export * from './add-booking-guests';
