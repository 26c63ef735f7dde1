export * from './get-user-profile';
