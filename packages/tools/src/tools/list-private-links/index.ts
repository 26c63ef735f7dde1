export * from './list-private-links';
