export * from './api-key';
export * from './api-versions';
export * from './base-url';
export * from './env-file';
