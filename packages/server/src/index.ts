export * from './config';
export * from './http-server';
export * from './json-logger';
export * from './metrics';
export * from './oauth';
export * from './reconcile';
export * from './tool-calls';
