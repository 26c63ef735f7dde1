export type { CreateEventTypeInput, UpdateEventTypeInput } from './event-type-input';
export * from './event-types';
