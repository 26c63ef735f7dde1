export * from './create-cal-com-tools';
export * from './define-tool';
export * from './map-error';
export * from './run-tool';
export * from './to-input-json-schema';
export * from './tool-error';
export * from './tools';
