/** Protected resource metadata (RFC 9728) for one MCP endpoint. */
export interface ProtectedResourceMetadata {
  resource: string;
  authorization_servers: string[];
  scopes_supported: string[];
  bearer_methods_supported: ["header"];
  resource_name?: string;
}

export function protectedResourceMetadata(options: { resource: string; issuer: string; scopes: string[]; name?: string }): ProtectedResourceMetadata {
  return {
    resource: options.resource,
    authorization_servers: [options.issuer],
    scopes_supported: options.scopes,
    bearer_methods_supported: ["header"],
    ...(options.name ? { resource_name: options.name } : {}),
  };
}

/**
 * Where the metadata of `resource` lives (RFC 9728 section 3.1): the well-known prefix goes between
 * the origin and the resource's path, so `https://h/mcp` maps to `https://h/.well-known/oauth-protected-resource/mcp`.
 */
export function resourceMetadataUrl(resource: string): string {
  const url = new URL(resource);
  const path = url.pathname === "/" ? "" : url.pathname;
  return `${url.origin}/.well-known/oauth-protected-resource${path}`;
}
