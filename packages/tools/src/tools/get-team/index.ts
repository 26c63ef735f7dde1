export * from './get-team';
