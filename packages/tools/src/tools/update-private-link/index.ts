export * from './update-private-link';
