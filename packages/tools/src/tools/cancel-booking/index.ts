export * from './cancel-booking';
