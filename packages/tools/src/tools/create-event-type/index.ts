export * from './create-event-type';
