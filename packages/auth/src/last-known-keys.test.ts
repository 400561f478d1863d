import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair } from "jose";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { KeysOutageEvent } from "./last-known-keys.js";
import { signedToken } from "./test-fixtures/signed-token.js";
import { createTokenVerifier } from "./token-verifier.js";

const AUDIENCE = "http://127.0.0.1:3000/mcp";
const ISSUER = "https://login.example.internal/";
const issuerKey = await generateKeyPair("ES256");
const strangerKey = await generateKeyPair("ES256");
const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(issuerKey.publicKey)), kid: "k1", alg: "ES256" }] });

// The issuer's JWKS endpoint, which a test can take down (503) and bring back.
let down = false;
let fetches = 0;
let server: Server;
let jwksUrl: string;

beforeAll(async () => {
  server = createServer((_req, res) => {
    fetches++;
    if (down) res.writeHead(503).end();
    else res.writeHead(200, { "content-type": "application/json" }).end(jwks);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
});
afterAll(() => server.close());
// Only the clock is faked: jose's key ages, token times and the outage's are all read from Date.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  [down, fetches] = [false, 0];
});
afterEach(() => vi.useRealTimers());

const minutes = (n: number) => vi.setSystemTime(Date.now() + n * 60_000);
const token = (key = issuerKey.privateKey, kid = "k1", subject = "alice") => signedToken({ key, kid, issuer: ISSUER, audience: AUDIENCE, subject });

function verifier(jwksOutageToleranceSeconds?: number) {
  const events: KeysOutageEvent[] = [];
  const verify = createTokenVerifier({
    issuer: ISSUER,
    audience: AUDIENCE,
    jwksUrl,
    ...(jwksOutageToleranceSeconds === undefined ? {} : { jwksOutageToleranceSeconds }),
    onKeysOutage: (event) => events.push(event),
  });
  return { events, verify: async (subject: string, key?: typeof issuerKey.privateKey, kid?: string) => verify.verify(await token(key, kid, subject)) };
}

describe("an outage of the issuer's keys", () => {
  it("keeps verifying with the last keys fetched, refuses keys that set lacks, and asks the issuer again every few seconds, not per request", async () => {
    const { events, verify } = verifier();
    await verify("before");
    down = true;
    minutes(3); // past the key set's max age (120 s): without the last keys, every token would be refused now
    await expect(verify("during")).resolves.toMatchObject({ subject: "during" });
    expect(events).toEqual([
      {
        kind: "started",
        reason: expect.stringMatching(/^The issuer's keys could not be fetched: http:\/\/127\.0\.0\.1:\d+\/jwks answered HTTP 503$/),
        lastKnownKeys: true,
      },
      { kind: "used_last_known" },
    ]);
    await expect(verify("stranger", strangerKey.privateKey, "k2")).rejects.toMatchObject({ reason: "unknown_key" });
    for (let i = 0; i < 20; i++) await verify(`caller-${i}`);
    expect(fetches).toBe(2); // the first fetch and the one that failed: the rest waited for the retry
    down = false;
    vi.setSystemTime(Date.now() + 6_000);
    await verify("after");
    expect(fetches).toBe(3);
    expect(events.at(-1)).toEqual({ kind: "ended", seconds: 6 });
    expect(events.filter((event) => event.kind === "used_last_known")).toHaveLength(22); // every token checked meanwhile, counted
  });

  it("stops at the tolerance, and refuses at once with none", async () => {
    const tolerant = verifier(600);
    await tolerant.verify("before");
    down = true;
    minutes(3);
    await tolerant.verify("within");
    minutes(11);
    await expect(tolerant.verify("beyond")).rejects.toMatchObject({ reason: "issuer_unreachable", status: 503 });
    expect(tolerant.events.map((event) => event.kind)).toEqual(["started", "used_last_known", "tolerance_exceeded"]);

    down = false;
    const strict = verifier(0);
    await strict.verify("before");
    down = true;
    minutes(3);
    await expect(strict.verify("during")).rejects.toMatchObject({ reason: "issuer_unreachable" });
    expect(strict.events).toEqual([expect.objectContaining({ kind: "started", lastKnownKeys: false })]);
  });
});
