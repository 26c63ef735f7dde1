export * from './decline-booking';
