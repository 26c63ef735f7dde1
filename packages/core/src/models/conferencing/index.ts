export * from './conferencing';
