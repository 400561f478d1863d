import type { AuthError } from "./auth-error.js";

/** `WWW-Authenticate` for a missing or refused token (RFC 6750 section 3, MCP authorization spec). */
export function unauthorizedChallenge(resourceMetadata: string, scope: string, error?: AuthError): string {
  const params = [`resource_metadata="${resourceMetadata}"`, `scope="${scope}"`];
  if (error && error.reason !== "missing_token") {
    params.unshift(`error="invalid_token"`, `error_description="${quoted(error.message)}"`);
  }
  return `Bearer ${params.join(", ")}`;
}

/** `WWW-Authenticate` for a valid token that lacks the scope an operation needs (step-up). */
export function insufficientScopeChallenge(resourceMetadata: string, scope: string): string {
  return `Bearer error="insufficient_scope", scope="${scope}", resource_metadata="${resourceMetadata}", error_description="The token lacks scope ${quoted(scope)}"`;
}

function quoted(text: string): string {
  return text.replace(/["\\]/g, "");
}
