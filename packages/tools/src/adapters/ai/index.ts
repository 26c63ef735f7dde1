export * from './create-cal-com-ai-tools';
