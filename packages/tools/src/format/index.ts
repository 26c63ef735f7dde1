export * from './booking';
export * from './event-type';
export * from './plural';
export * from './schedule';
export * from './series';
export * from './time';
export * from './untrusted';
