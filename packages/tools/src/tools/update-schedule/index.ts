export * from './update-schedule';
