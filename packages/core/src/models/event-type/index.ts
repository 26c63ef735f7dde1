export * from './event-type';
export * from './private-link';
