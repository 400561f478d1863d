/** Who is calling: what every trust decision and audit line is about. Never holds the token. */
export interface Principal {
  /** `sub` of the token, or the local user / `anonymous` where no token applies. */
  subject: string;
  /** The OAuth client the token was issued to (`client_id` or `azp`), when known. */
  clientId?: string;
  scopes: ReadonlySet<string>;
  /** Epoch seconds; undefined where no token applies. */
  expiresAt?: number;
  kind: "token" | "local" | "anonymous";
}

/** Every scope, for callers outside token auth (stdio's local user, `MCP_AUTH=off` on loopback). */
export const ALL_SCOPES: ReadonlySet<string> = new Set(["*"]);

export function hasScope(principal: Principal, scope: string): boolean {
  return principal.scopes.has("*") || principal.scopes.has(scope);
}
