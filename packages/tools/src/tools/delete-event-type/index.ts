export * from './delete-event-type';
