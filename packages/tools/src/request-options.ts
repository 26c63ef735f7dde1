import type { RequestOptions } from '@calcom-int/core';
import type { ToolContext } from './define-tool';

/**
 * Builds the core request options of a tool call (its abort signal).
 *
 * @param context The tool context.
 * @returns The request options.
 */
export function requestOptions(context: ToolContext): RequestOptions {
  return context.signal ? { signal: context.signal } : {};
}
