import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { discoverJwksUri } from "./discovery.js";
import { signedToken } from "./test-fixtures/signed-token.js";
import { createTokenVerifier } from "./token-verifier.js";

const AUDIENCE = "http://127.0.0.1:3000/mcp";
const { privateKey, publicKey } = await generateKeyPair("ES256");
const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: "realm-key", alg: "ES256", use: "sig" }] };

// An issuer shaped like Keycloak's: its identifier has a path (`/realms/acme`) and it serves OpenID
// metadata only with that path first; `documents` says what else answers, per test.
let documents: Record<string, { status: number; body: string }> = {};
const requested: string[] = [];
let server: Server;
let origin: string;
let issuer: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    requested.push(req.url ?? "");
    const document = documents[req.url ?? ""] ?? { status: 404, body: "not found" };
    res.writeHead(document.status, { "content-type": "application/json" }).end(document.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  issuer = `${origin}/realms/acme`;
});
afterAll(() => server.close());
beforeEach(() => {
  requested.length = 0;
  documents = {
    "/realms/acme/.well-known/openid-configuration": { status: 200, body: JSON.stringify({ issuer, jwks_uri: `${issuer}/protocol/openid-connect/certs` }) },
    "/realms/acme/protocol/openid-connect/certs": { status: 200, body: JSON.stringify(jwks) },
  };
});

describe("discoverJwksUri", () => {
  it("finds the keys of an issuer with a path where OpenID Discovery appends it (Keycloak, Entra ID, Okta), and verifies its token", async () => {
    const token = await signedToken({ key: privateKey, kid: "realm-key", issuer, audience: AUDIENCE, subject: "alice" });
    const principal = await createTokenVerifier({ issuer, audience: AUDIENCE }).verify(token);
    expect(principal).toMatchObject({ subject: "alice" });
    expect(requested).toEqual([
      "/.well-known/oauth-authorization-server/realms/acme",
      "/.well-known/openid-configuration/realms/acme",
      "/realms/acme/.well-known/openid-configuration",
      "/realms/acme/protocol/openid-connect/certs",
    ]);
  });

  it("takes RFC 8414's form, with the path inserted, first when the issuer serves it", async () => {
    documents["/.well-known/oauth-authorization-server/realms/acme"] = { status: 200, body: JSON.stringify({ issuer, jwks_uri: `${origin}/keys` }) };
    expect((await discoverJwksUri(issuer)).href).toBe(`${origin}/keys`);
    expect(requested).toEqual(["/.well-known/oauth-authorization-server/realms/acme"]);
  });

  it("passes over a page that is not metadata (a web app answering every path)", async () => {
    documents["/.well-known/oauth-authorization-server/realms/acme"] = { status: 200, body: "<!doctype html><title>Sign in</title>" };
    expect((await discoverJwksUri(issuer)).href).toBe(`${issuer}/protocol/openid-connect/certs`);
  });

  it("names every location tried and what each answered when none has the keys", async () => {
    documents = { "/.well-known/openid-configuration/realms/acme": { status: 200, body: JSON.stringify({ issuer }) } };
    await expect(discoverJwksUri(issuer)).rejects.toMatchObject({
      reason: "issuer_unreachable",
      message:
        `No authorization server metadata with a jwks_uri found for ${issuer}: tried ` +
        `${origin}/.well-known/oauth-authorization-server/realms/acme (HTTP 404), ` +
        `${origin}/.well-known/openid-configuration/realms/acme (no jwks_uri), ` +
        `${origin}/realms/acme/.well-known/openid-configuration (HTTP 404)`,
    });
  });

  it("tries only the two root locations for an issuer without a path, and says when it cannot be reached", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const gone = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    await expect(discoverJwksUri(`${gone}/`)).rejects.toMatchObject({
      message:
        `No authorization server metadata with a jwks_uri found for ${gone}/: tried ` +
        `${gone}/.well-known/oauth-authorization-server (unreachable), ${gone}/.well-known/openid-configuration (unreachable)`,
    });
  });

  it("asks an issuer whose metadata cannot be found again every few seconds, not on every request", async () => {
    documents = {};
    const verifier = createTokenVerifier({ issuer, audience: AUDIENCE });
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      for (let i = 0; i < 5; i++) await expect(verifier.verify("a.b.c")).rejects.toMatchObject({ reason: "issuer_unreachable", status: 503 });
      expect(requested).toHaveLength(3);
      vi.setSystemTime(Date.now() + 5_000);
      await expect(verifier.verify("a.b.c")).rejects.toMatchObject({ reason: "issuer_unreachable" });
      expect(requested).toHaveLength(6);
    } finally {
      vi.useRealTimers();
    }
  });
});
