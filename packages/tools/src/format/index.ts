export * from './booking';
export * from './event-type';
export * from './time';
