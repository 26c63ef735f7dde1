/** The MCP endpoint's path. */
export const MCP_PATH = '/mcp';
/** The OAuth 2.0 protected-resource metadata path (RFC 9728), as the MCP authorization spec asks. */
export const RESOURCE_METADATA_PATH = '/.well-known/oauth-protected-resource';
/** The OAuth 2.0 authorization server metadata path (RFC 8414), published when `oauth` is set. */
export const AUTHORIZATION_SERVER_METADATA_PATH = '/.well-known/oauth-authorization-server';
