export * from './get-busy-times';
