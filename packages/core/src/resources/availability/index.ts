export * from './availability';
export * from './zoned-time';
