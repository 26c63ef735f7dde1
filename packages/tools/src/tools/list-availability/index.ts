export * from './list-availability';
