import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startDevIssuer, type DevIssuer } from "@mcp-platform/auth/dev-issuer";
import { checkingTokensFrom, selfSignedCertificate, startServerProcess, type ServerProcess } from "@mcp-platform/test-services";
import {
  Client,
  StreamableHTTPClientTransport,
  UnauthorizedError,
  type OAuthClientMetadata,
  type OAuthClientProvider,
  type StoredOAuthClientInformation,
  type StoredOAuthTokens,
} from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SWITCHES_FIXTURE } from "../test-support/switches-process.js";

/**
 * An interactive client signs in to a local server through the dev issuer: the SDK client's own
 * OAuth flow (discovery from the 401, a Client ID Metadata Document as client_id, PKCE, the `iss`
 * of RFC 9207 checked), with the consent page answered the way a person's browser would.
 */
const home = mkdtempSync(join(tmpdir(), "sign-in-"));
const REDIRECT = "http://127.0.0.1:33418/callback";
let issuer: DevIssuer;
let server: ServerProcess;
let documents: Server;
let clientId: string;

/** The client's metadata document on HTTPS (the SDK insists), with a certificate made for this run. */
async function serveClientDocument(): Promise<{ ca: string }> {
  const { key, cert } = selfSignedCertificate();
  documents = createServer({ key, cert }, (req, res) => {
    if (req.url !== "/client.json") return void res.writeHead(404).end();
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ client_id: clientId, client_name: "Sign-in test client", redirect_uris: [REDIRECT], token_endpoint_auth_method: "none" }));
  });
  await new Promise<void>((resolve) => documents.listen(0, "127.0.0.1", resolve));
  clientId = `https://127.0.0.1:${(documents.address() as AddressInfo).port}/client.json`;
  return { ca: cert };
}

/** What a client application keeps between the redirect and the callback; `visit` is the person's browser. */
function browserClient(visit: (authorizationUrl: URL) => Promise<void>): OAuthClientProvider & { stored?: StoredOAuthTokens } {
  let verifier = "";
  let information: StoredOAuthClientInformation | undefined;
  return {
    stored: undefined,
    redirectUrl: REDIRECT,
    get clientMetadataUrl() {
      return clientId;
    },
    get clientMetadata(): OAuthClientMetadata {
      return {
        client_name: "Sign-in test client",
        redirect_uris: [REDIRECT],
        token_endpoint_auth_method: "none",
        grant_types: ["authorization_code"],
        response_types: ["code"],
      };
    },
    clientInformation: () => information,
    saveClientInformation: (info) => void (information = info),
    tokens() {
      return this.stored;
    },
    saveTokens(tokens) {
      this.stored = tokens;
    },
    redirectToAuthorization: visit,
    saveCodeVerifier: (value) => void (verifier = value),
    codeVerifier: () => verifier,
  };
}

/** Loads the consent page and presses a button, as the person would; resolves with where the issuer sends the browser. */
async function consent(authorizationUrl: URL, decision: "allow" | "deny", subject = "dana"): Promise<URL> {
  const page = await fetch(authorizationUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain("Allow Sign-in test client?");
  expect(html).toContain("<code>switches:read</code>");
  const consentId = /name="consent" value="([^"]+)"/.exec(html)![1]!;
  const answer = await fetch(new URL("/authorize", authorizationUrl), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ consent: consentId, decision, subject }),
    redirect: "manual",
  });
  expect(answer.status).toBe(303);
  return new URL(answer.headers.get("location")!);
}

beforeAll(async () => {
  const { ca } = await serveClientDocument();
  issuer = await startDevIssuer({ home, clientMetadataCa: ca });
  server = await startServerProcess(SWITCHES_FIXTURE, checkingTokensFrom(issuer.issuer, home));
});
afterAll(async () => {
  await server?.stop();
  await issuer?.close();
  documents?.close();
});

describe("signing in to a local server through the dev issuer", () => {
  it("the SDK client's OAuth flow gets a token for the person who allowed it, and calls the server with it", async () => {
    let callback: URL | undefined;
    const provider = browserClient(async (url) => void (callback = await consent(url, "allow")));
    const transport = new StreamableHTTPClientTransport(new URL(server.url), { authProvider: provider });
    const client = new Client({ name: "sign-in", version: "0" });
    await expect(client.connect(transport)).rejects.toBeInstanceOf(UnauthorizedError);

    expect(callback!.origin + callback!.pathname).toBe(REDIRECT);
    expect(callback!.searchParams.get("iss")).toBe(issuer.issuer);
    await transport.finishAuth(callback!.searchParams);
    const claims = JSON.parse(Buffer.from(provider.stored!.access_token.split(".")[1]!, "base64url").toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ iss: issuer.issuer, aud: server.url, sub: "dana", client_id: clientId, scope: "switches:read" });

    const signedIn = new Client({ name: "sign-in", version: "0" });
    await signedIn.connect(new StreamableHTTPClientTransport(new URL(server.url), { authProvider: provider }));
    expect((await signedIn.listTools()).tools.map((tool) => tool.name)).toContain("get_switch");
    await signedIn.close();
  });

  it("a person who denies sends the client access_denied, and a code works once, with its own verifier only", async () => {
    let denied: URL | undefined;
    const refusing = browserClient(async (url) => void (denied = await consent(url, "deny")));
    await expect(
      new Client({ name: "t", version: "0" }).connect(new StreamableHTTPClientTransport(new URL(server.url), { authProvider: refusing })),
    ).rejects.toThrow();
    expect(Object.fromEntries(denied!.searchParams)).toMatchObject({ error: "access_denied", iss: issuer.issuer });

    let callback: URL | undefined;
    const provider = browserClient(async (url) => void (callback = await consent(url, "allow")));
    await expect(
      new Client({ name: "t", version: "0" }).connect(new StreamableHTTPClientTransport(new URL(server.url), { authProvider: provider })),
    ).rejects.toThrow();
    const redeem = (verifier: string) =>
      fetch(`${issuer.issuer}/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "authorization_code",
          code: callback!.searchParams.get("code")!,
          client_id: clientId,
          redirect_uri: REDIRECT,
          code_verifier: verifier,
        }),
      });
    expect((await redeem("a-verifier-that-is-not-the-one-committed-to-by-the-challenge")).status).toBe(400);
    // The failed try spent the code: the right verifier cannot redeem it afterwards either.
    expect((await redeem(await provider.codeVerifier())).status).toBe(400);
  });

  it("refuses a client_id that is no metadata document, or a redirect_uri the document does not list, on a page and not by redirect", async () => {
    const authorize = (params: Record<string, string>) =>
      fetch(
        `${issuer.issuer}/authorize?${new URLSearchParams({ response_type: "code", code_challenge: "x", code_challenge_method: "S256", resource: server.url, ...params }).toString()}`,
        {
          redirect: "manual",
        },
      );
    const plain = await authorize({ client_id: "my-app", redirect_uri: REDIRECT });
    expect(plain.status).toBe(400);
    expect(await plain.text()).toContain("client_id must be the HTTPS URL of a client metadata document");
    const elsewhere = await authorize({ client_id: clientId, redirect_uri: "https://attacker.example/callback" });
    expect(elsewhere.status).toBe(400);
    expect(await elsewhere.text()).toContain("is not one of Sign-in test client's redirect_uris");
  });
});
