export * from './verify-webhook-signature';
