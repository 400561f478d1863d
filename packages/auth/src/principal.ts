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

/**
 * Callers outside token auth (stdio's local user, anyone on a loopback `MCP_AUTH=off` server) hold
 * every scope. That follows from the principal's kind, never from a scope string: nothing a token
 * carries (a `scope` claim of `*`, say) can mean "all".
 */
export function hasScope(principal: Principal, scope: string): boolean {
  return principal.kind !== "token" || principal.scopes.has(scope);
}
