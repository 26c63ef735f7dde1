export * from './create-booking';
