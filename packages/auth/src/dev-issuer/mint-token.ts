import { SignJWT } from "jose";
import { loadOrCreateSigningKey } from "./signing-key.js";

export interface DevTokenRequest {
  /** Where the dev issuer keeps its key (`MCP_PLATFORM_HOME`). */
  home: string;
  issuer: string;
  /** The MCP server's canonical resource URL, e.g. `http://127.0.0.1:3000/mcp`. */
  audience: string;
  scopes: string[];
  subject?: string;
  clientId?: string;
  expiresInSeconds?: number;
}

/** A real ES256 access token from the local dev issuer: for the demo, tests and trying servers out. */
export async function mintDevToken(request: DevTokenRequest): Promise<string> {
  const key = await loadOrCreateSigningKey(request.home);
  return new SignJWT({ scope: request.scopes.join(" "), client_id: request.clientId ?? "mcp-platform-dev" })
    .setProtectedHeader({ alg: "ES256", kid: key.kid, typ: "at+jwt" })
    .setIssuer(request.issuer)
    .setAudience(request.audience)
    .setSubject(request.subject ?? "dev-user")
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + (request.expiresInSeconds ?? 3600))
    .setJti(crypto.randomUUID())
    .sign(key.privateKey);
}
