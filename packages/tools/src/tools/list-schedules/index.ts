export * from './list-schedules';
