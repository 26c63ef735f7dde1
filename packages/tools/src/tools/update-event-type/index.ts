export * from './update-event-type';
