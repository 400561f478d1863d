import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mintDevToken, startDevIssuer, type DevIssuer } from "./dev-issuer/index.js";
import { createTokenVerifier } from "./token-verifier.js";

const AUDIENCE = "http://127.0.0.1:3000/mcp";
const home = mkdtempSync(join(tmpdir(), "verifier-"));
let issuer: DevIssuer;
let introspection: Server;
let introspectionUrl: string;
const introspected: string[] = [];

beforeAll(async () => {
  issuer = await startDevIssuer({ home });
  // A real RFC 7662 endpoint on 127.0.0.1: active only for the opaque token "opaque-good".
  introspection = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const token = new URLSearchParams(body).get("token") ?? "";
      introspected.push(req.headers.authorization ?? "");
      const active = token === "opaque-good";
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(
          JSON.stringify(
            active
              ? { active, sub: "svc-backup", client_id: "backup", scope: "runbooks:read", aud: AUDIENCE, iss: issuer.issuer, exp: 4102444800 }
              : { active },
          ),
        );
    });
  });
  await new Promise<void>((resolve) => introspection.listen(0, "127.0.0.1", resolve));
  introspectionUrl = `http://127.0.0.1:${(introspection.address() as AddressInfo).port}/introspect`;
});
afterAll(async () => {
  await issuer.close();
  introspection.close();
});

describe("createTokenVerifier", () => {
  it("discovers the JWKS from the issuer's metadata and returns the principal, caching it", async () => {
    const verifier = createTokenVerifier({ issuer: issuer.issuer, audience: AUDIENCE });
    const token = await mintDevToken({ home, issuer: issuer.issuer, audience: AUDIENCE, scopes: ["runbooks:read", "runbooks:write"], subject: "alice" });
    const principal = await verifier.verify(token);
    expect(principal).toMatchObject({ kind: "token", subject: "alice", clientId: "mcp-platform-dev" });
    expect([...principal.scopes]).toEqual(["runbooks:read", "runbooks:write"]);
    const fetches = issuer.jwksFetches;
    expect(await verifier.verify(token)).toBe(principal);
    expect(issuer.jwksFetches).toBe(fetches);
  });

  it("refuses a token of another issuer, naming the trusted one and a trailing slash as the difference", async () => {
    const verifier = createTokenVerifier({ issuer: issuer.issuer, audience: AUDIENCE });
    const mint = (iss: string) => mintDevToken({ home, issuer: iss, audience: AUDIENCE, scopes: ["runbooks:read"], subject: "alice" });
    await expect(verifier.verify(await mint(`${issuer.issuer}/`))).rejects.toMatchObject({
      reason: "wrong_issuer",
      message: `Token was issued by another issuer (this resource trusts iss ${issuer.issuer} exactly; the token's iss differs from it only by a trailing slash)`,
    });
    await expect(verifier.verify(await mint("https://idp.example/realms/other"))).rejects.toMatchObject({
      reason: "wrong_issuer",
      message: `Token was issued by another issuer (this resource trusts iss ${issuer.issuer} exactly)`,
    });
  });

  it("checks opaque tokens by RFC 7662 introspection with client credentials", async () => {
    const verifier = createTokenVerifier({
      issuer: issuer.issuer,
      audience: AUDIENCE,
      introspection: { url: introspectionUrl, clientId: "mcp-server", clientSecret: "s3cret" },
    });
    expect(await verifier.verify("opaque-good")).toMatchObject({ subject: "svc-backup", clientId: "backup" });
    await expect(verifier.verify("opaque-revoked")).rejects.toMatchObject({ reason: "inactive" });
    expect(introspected[0]).toBe(`Basic ${Buffer.from("mcp-server:s3cret").toString("base64")}`);
  });

  it("refuses an opaque token when no introspection endpoint is configured", async () => {
    const verifier = createTokenVerifier({ issuer: issuer.issuer, audience: AUDIENCE });
    await expect(verifier.verify("opaque-good")).rejects.toMatchObject({ reason: "malformed_token" });
  });
});
