export * from './anthropic-tools';
