export * from './create-cal-com-mcp-server';
export * from './permissions';
