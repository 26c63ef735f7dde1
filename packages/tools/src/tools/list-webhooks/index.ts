export * from './list-webhooks';
