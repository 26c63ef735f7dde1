export * from './time';
export { canonicalTimeZone, checkTimeZone, type TimeZoneCheck } from './time-zone';
