export * from './confirm-booking';
