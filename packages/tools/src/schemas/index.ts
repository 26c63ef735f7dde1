export * from './date-time';
export * from './ids';
export * from './limits';
export * from './notification';
export * from './range';
export * from './text';
export * from './time-zone';
