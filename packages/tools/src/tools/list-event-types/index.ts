export * from './list-event-types';
