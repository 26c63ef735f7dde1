export { type CreateMcpServerOptions, createMcpServer, toCallToolResult } from './create-mcp-server';
export * from './instructions';
export * from './serve-stdio';
export * from './stderr-logger';
