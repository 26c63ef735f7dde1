export * from './routing-form';
