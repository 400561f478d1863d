import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { exportJWK, generateKeyPair, type CryptoKey, type JWK } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedToken } from "./test-fixtures/signed-token.js";
import { createTokenVerifier } from "./token-verifier.js";

const AUDIENCE = "http://127.0.0.1:3000/mcp";
let issuer: string;
let jwksServer: Server;
/** What the issuer publishes right now: the test removes a key from it. */
let published: JWK[] = [];
const keys: Record<"old" | "new", { privateKey: CryptoKey; jwk: JWK }> = {} as never;

beforeAll(async () => {
  for (const kid of ["old", "new"] as const) {
    const { privateKey, publicKey } = await generateKeyPair("ES256");
    keys[kid] = { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" } };
  }
  published = [keys.old.jwk, keys.new.jwk];
  jwksServer = createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: published })));
  await new Promise<void>((resolve) => jwksServer.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}`;
});
afterAll(() => jwksServer.close());

const token = (kid: "old" | "new", subject: string) => signedToken({ key: keys[kid].privateKey, kid, issuer, audience: AUDIENCE, subject, expiresIn: "1h" });

describe("a signing key the issuer removes", () => {
  it("stops verifying new tokens, and tokens already verified with it, once the key set's maximum age passes", async () => {
    const verifier = createTokenVerifier({ issuer, audience: AUDIENCE, jwksUrl: `${issuer}/jwks`, jwksMaxAgeSeconds: 1 });
    const earlier = await token("old", "alice");
    await expect(verifier.verify(earlier)).resolves.toMatchObject({ subject: "alice" });

    published = [keys.new.jwk];
    await sleep(2100);

    await expect(verifier.verify(await token("old", "mallory"))).rejects.toMatchObject({ status: 401 });
    await expect(verifier.verify(earlier)).rejects.toMatchObject({ status: 401 });
    await expect(verifier.verify(await token("new", "bob"))).resolves.toMatchObject({ subject: "bob" });
  });
});
