export * from './reassign-booking';
