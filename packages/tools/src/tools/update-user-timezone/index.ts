export * from './update-user-timezone';
