import type { ServerResponse } from 'node:http';
import { sendJsonRpcError } from './http-io';

/**
 * The `WWW-Authenticate` challenge for a request without a bearer token: where to find how to get one (RFC 9728).
 *
 * @param resourceMetadata The protected-resource metadata URL.
 * @returns The header value.
 */
export function missingTokenChallenge(resourceMetadata: string): string {
  return `Bearer resource_metadata="${resourceMetadata}"`;
}

/**
 * The `WWW-Authenticate` challenge for a token that cannot be used (RFC 6750 §3.1, with the resource metadata).
 *
 * @param resourceMetadata The protected-resource metadata URL.
 * @returns The header value.
 */
export function invalidTokenChallenge(resourceMetadata: string): string {
  return `Bearer error="invalid_token", error_description="The access token is expired, revoked or invalid; refresh it or sign in again.", resource_metadata="${resourceMetadata}"`;
}

/**
 * Answers 401 with a `WWW-Authenticate` challenge: MCP clients sign in or refresh on a 401, not on an error text (MCP
 * authorization spec, "invalid or expired tokens MUST receive a HTTP 401").
 *
 * @param response The response.
 * @param challenge The `WWW-Authenticate` value.
 * @param message What went wrong and what to do, after `Unauthorized: `.
 */
export function sendUnauthorized(response: ServerResponse, challenge: string, message: string): void {
  response.setHeader('www-authenticate', challenge);
  sendJsonRpcError(response, 401, -32001, `Unauthorized: ${message}`);
}
