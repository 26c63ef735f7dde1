export * from './reschedule-booking';
