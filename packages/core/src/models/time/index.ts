export * from './time';
export { canonicalTimeZone, checkTimeZone, type TimeZoneCheck } from './time-zone';
export * from './zoned-time';
