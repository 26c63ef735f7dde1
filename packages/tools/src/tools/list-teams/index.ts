export * from './list-teams';
