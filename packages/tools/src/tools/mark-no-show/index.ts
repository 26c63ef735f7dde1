export * from './mark-no-show';
