export * from './delete-private-link';
