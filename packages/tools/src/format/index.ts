export * from './booking';
export * from './event-type';
export * from './plural';
export * from './time';
export * from './untrusted';
