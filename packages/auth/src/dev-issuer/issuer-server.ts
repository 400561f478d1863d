import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mintDevToken } from "./mint-token.js";
import { loadOrCreateSigningKey } from "./signing-key.js";

export interface DevIssuer {
  /** The issuer identifier, `http://127.0.0.1:<port>`: use it as `MCP_AUTH_ISSUER`. */
  issuer: string;
  /** How often the JWKS was fetched: lets tests check that unknown key ids cannot force refetches. */
  readonly jwksFetches: number;
  close(): Promise<void>;
}

/**
 * A loopback OAuth authorization server for development: RFC 8414 metadata, the JWKS, and a
 * client-credentials token endpoint that issues whatever scope and resource are asked for.
 * It trusts every caller, so it listens on 127.0.0.1 only.
 */
export async function startDevIssuer(options: { home: string; port?: number }): Promise<DevIssuer> {
  const key = await loadOrCreateSigningKey(options.home);
  let issuer = "";
  let jwksFetches = 0;
  const server = createServer((req, res) => {
    const send = (status: number, body: unknown) =>
      res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify(body));
    if (req.method === "GET" && req.url === "/.well-known/oauth-authorization-server") {
      return send(200, {
        issuer,
        jwks_uri: `${issuer}/jwks.json`,
        token_endpoint: `${issuer}/token`,
        // RFC 8414 requires it; interactive login is out of scope for a dev issuer, so it only explains that.
        authorization_endpoint: `${issuer}/authorize`,
        grant_types_supported: ["client_credentials"],
        token_endpoint_auth_methods_supported: ["none", "client_secret_post"],
        response_types_supported: ["code"],
      });
    }
    if (req.method === "GET" && req.url === "/jwks.json") {
      jwksFetches++;
      return send(200, { keys: [key.publicJwk] });
    }
    if (req.method === "POST" && req.url === "/token") {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        const form = new URLSearchParams(body);
        if (form.get("grant_type") !== "client_credentials" || !form.get("resource")) {
          return send(400, { error: "invalid_request", error_description: "grant_type=client_credentials and resource are required" });
        }
        void mintDevToken({
          home: options.home,
          issuer,
          audience: form.get("resource")!,
          scopes: (form.get("scope") ?? "").split(" ").filter(Boolean),
          subject: form.get("client_id") ?? "dev-client",
          clientId: form.get("client_id") ?? "dev-client",
        }).then((token) => send(200, { access_token: token, token_type: "Bearer", expires_in: 3600, scope: form.get("scope") ?? "" }));
      });
      return;
    }
    if (req.url?.startsWith("/authorize")) {
      return send(400, {
        error: "unsupported_response_type",
        error_description: "The dev issuer has no interactive login: use client_credentials or `mcp-platform dev-token`",
      });
    }
    send(404, { error: "not_found" });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", resolve);
  });
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    get jwksFetches() {
      return jwksFetches;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
