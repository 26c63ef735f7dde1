export * from './get-booking';
