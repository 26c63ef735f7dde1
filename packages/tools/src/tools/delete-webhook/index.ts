export * from './delete-webhook';
