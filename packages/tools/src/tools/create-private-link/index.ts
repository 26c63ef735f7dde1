export * from './create-private-link';
