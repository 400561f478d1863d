import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { AuthorizationCodes, type Grant } from "./authorization-codes.js";
import { allowsRedirect, ClientRejected, fetchClientMetadata } from "./client-metadata.js";
import { consentPage } from "./consent-page.js";
import { mintDevToken } from "./mint-token.js";
import { loadOrCreateSigningKey } from "./signing-key.js";

export interface DevIssuer {
  /** The issuer identifier, `http://127.0.0.1:<port>`: use it as `MCP_AUTH_ISSUER`. */
  issuer: string;
  /** How often the JWKS was fetched: lets tests check that unknown key ids cannot force refetches. */
  readonly jwksFetches: number;
  close(): Promise<void>;
}

export interface DevIssuerOptions {
  /** Where its signing key is kept (`MCP_PLATFORM_HOME`). */
  home: string;
  port?: number;
  /** Extra certificates (PEM) to trust when fetching client metadata documents. */
  clientMetadataCa?: string;
}

const MAX_FORM_BYTES = 16 * 1024;

/**
 * A loopback OAuth authorization server for development: RFC 8414 metadata, the JWKS, the
 * authorization-code flow with PKCE for interactive clients (Client ID Metadata Documents, `iss`
 * in the response as RFC 9207 asks, a consent page a person clicks through) and client credentials
 * for scripts. It issues whatever scope and resource are asked for, so it listens on 127.0.0.1 only.
 */
export async function startDevIssuer(options: DevIssuerOptions): Promise<DevIssuer> {
  const key = await loadOrCreateSigningKey(options.home);
  const codes = new AuthorizationCodes();
  let issuer = "";
  let jwksFetches = 0;

  const token = (grant: { resource: string; scopes: string[]; subject: string; clientId: string }) =>
    mintDevToken({ home: options.home, issuer, audience: grant.resource, scopes: grant.scopes, subject: grant.subject, clientId: grant.clientId });

  async function authorize(url: URL, res: ServerResponse): Promise<void> {
    const param = (name: string) => url.searchParams.get(name) ?? undefined;
    const clientId = param("client_id") ?? "";
    const redirectUri = param("redirect_uri") ?? "";
    const client = await fetchClientMetadata(clientId, options.clientMetadataCa);
    if (!allowsRedirect(client, redirectUri)) throw new ClientRejected(`redirect_uri ${redirectUri} is not one of ${client.name}'s redirect_uris`);
    const state = param("state");
    const problem =
      param("response_type") !== "code"
        ? ["unsupported_response_type", "response_type must be code"]
        : !param("code_challenge") || param("code_challenge_method") !== "S256"
          ? ["invalid_request", "PKCE is required: code_challenge with code_challenge_method=S256"]
          : !param("resource")
            ? ["invalid_target", "resource (RFC 8707) must name the MCP server"]
            : undefined;
    if (problem) return redirect(res, redirectUri, { error: problem[0]!, error_description: problem[1]!, state, iss: issuer });
    const grant: Grant = {
      clientId,
      redirectUri,
      codeChallenge: param("code_challenge")!,
      scopes: (param("scope") ?? "").split(" ").filter(Boolean),
      resource: param("resource")!,
      state,
    };
    res
      .writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "x-frame-options": "DENY" })
      .end(consentPage(client, grant, codes.ask(grant)));
  }

  function decide(form: URLSearchParams, res: ServerResponse): void {
    const grant = codes.answer(form.get("consent") ?? "");
    if (!grant)
      return void res.writeHead(400, { "content-type": "text/plain" }).end("This sign-in expired or was already answered: start again from the client.");
    if (form.get("decision") !== "allow") {
      return redirect(res, grant.redirectUri, { error: "access_denied", error_description: "The user denied access", state: grant.state, iss: issuer });
    }
    const code = codes.issue({ ...grant, subject: (form.get("subject") ?? "").trim().slice(0, 100) || "dev-user" });
    redirect(res, grant.redirectUri, { code, state: grant.state, iss: issuer });
  }

  async function issueToken(form: URLSearchParams): Promise<[number, unknown]> {
    const grantType = form.get("grant_type");
    if (grantType === "authorization_code") {
      const grant = codes.redeem(form.get("code") ?? "", {
        clientId: form.get("client_id") ?? "",
        redirectUri: form.get("redirect_uri") ?? "",
        codeVerifier: form.get("code_verifier") ?? "",
      });
      if (!grant || (form.get("resource") && form.get("resource") !== grant.resource)) {
        return [
          400,
          { error: "invalid_grant", error_description: "The code is unknown, used, expired, or not this client's, redirect_uri's or code_verifier's" },
        ];
      }
      const accessToken = await token({ resource: grant.resource, scopes: grant.scopes, subject: grant.subject ?? "dev-user", clientId: grant.clientId });
      return [200, { access_token: accessToken, token_type: "Bearer", expires_in: 3600, scope: grant.scopes.join(" ") }];
    }
    if (grantType !== "client_credentials" || !form.get("resource")) {
      return [400, { error: "invalid_request", error_description: "grant_type=authorization_code, or grant_type=client_credentials with resource" }];
    }
    const clientId = form.get("client_id") ?? "dev-client";
    const scopes = (form.get("scope") ?? "").split(" ").filter(Boolean);
    const accessToken = await token({ resource: form.get("resource")!, scopes, subject: clientId, clientId });
    return [200, { access_token: accessToken, token_type: "Bearer", expires_in: 3600, scope: scopes.join(" ") }];
  }

  const server = createServer((req, res) => {
    const send = (status: number, body: unknown) =>
      res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify(body));
    const url = new URL(req.url ?? "/", issuer);
    const failed = (error: unknown) => {
      if (error instanceof ClientRejected) return res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end(`${error.message}\n`);
      send(500, { error: "server_error" });
    };
    if (req.method === "GET" && url.pathname === "/.well-known/oauth-authorization-server") {
      return send(200, {
        issuer,
        jwks_uri: `${issuer}/jwks.json`,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        response_types_supported: ["code"],
        grant_types_supported: ["authorization_code", "client_credentials"],
        code_challenge_methods_supported: ["S256"],
        token_endpoint_auth_methods_supported: ["none", "client_secret_post"],
        client_id_metadata_document_supported: true,
        authorization_response_iss_parameter_supported: true,
      });
    }
    if (req.method === "GET" && url.pathname === "/jwks.json") {
      jwksFetches++;
      return send(200, { keys: [key.publicJwk] });
    }
    if (req.method === "GET" && url.pathname === "/authorize") return void authorize(url, res).catch(failed);
    if (req.method === "POST" && url.pathname === "/authorize") return void readForm(req).then((form) => decide(form, res), failed);
    if (req.method === "POST" && url.pathname === "/token") {
      return void readForm(req)
        .then(issueToken)
        .then(([status, body]) => send(status, body), failed);
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

/** The authorization response, on the client's redirect URI (RFC 6749 §4.1.2, `iss` per RFC 9207). */
function redirect(res: ServerResponse, redirectUri: string, params: Record<string, string | undefined>): void {
  const location = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) location.searchParams.set(name, value);
  res.writeHead(303, { location: location.href, "cache-control": "no-store" }).end();
}

function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
      if (body.length > MAX_FORM_BYTES) req.destroy(new Error("form too large"));
    });
    req.on("end", () => resolve(new URLSearchParams(body)));
    req.on("error", reject);
  });
}
