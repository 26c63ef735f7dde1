export * from './delete-schedule';
