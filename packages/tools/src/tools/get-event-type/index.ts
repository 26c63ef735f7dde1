export * from './get-event-type';
