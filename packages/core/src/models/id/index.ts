export * from './id';
