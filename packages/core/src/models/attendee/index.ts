export * from './attendee';
