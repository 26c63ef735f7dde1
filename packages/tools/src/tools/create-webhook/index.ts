export * from './create-webhook';
