export * from './create-schedule';
