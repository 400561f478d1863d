import type { IncomingMessage } from "node:http";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mintDevToken, startDevIssuer } from "@mcp-platform/auth/dev-issuer";
import { checkingTokensFrom, freePort, missingService, startLoadBalancer, startServerProcess, type ServerProcess } from "@mcp-platform/test-services";
import { describe, expect, it } from "vitest";
import { PROTOCOLS } from "../test-support/http.js";
import { postMcp, SWITCHES_FIXTURE } from "../test-support/switches-process.js";
import { clientAddressOf, trustedProxyProblem } from "./client-address.js";

const request = (peer: string, forwardedFor?: string | string[]) =>
  ({ socket: { remoteAddress: peer }, headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor } }) as unknown as IncomingMessage;

describe("the client's address", () => {
  it("is the socket's peer when no proxy is trusted: X-Forwarded-For, which anyone can write, does not count", () => {
    expect(clientAddressOf([])(request("203.0.113.9", "198.51.100.7"))).toBe("203.0.113.9");
    expect(clientAddressOf([])(request("::ffff:10.0.0.7"))).toBe("10.0.0.7");
  });

  it.each([
    ["one trusted ingress", ["10.0.0.0/8"], request("10.2.0.5", "198.51.100.7"), "198.51.100.7"],
    ["a load balancer, then an ingress", ["10.0.0.0/8", "192.0.2.10"], request("::ffff:10.2.0.5", "198.51.100.7, 192.0.2.10"), "198.51.100.7"],
    ["a client that writes its own header first", ["10.0.0.0/8"], request("10.2.0.5", ["6.6.6.6", "198.51.100.7"]), "198.51.100.7"],
    ["hops with ports (Azure Application Gateway)", ["10.0.0.0/8"], request("10.2.0.5", "198.51.100.7:51234, 10.9.9.9:443"), "198.51.100.7"],
    ["an IPv6 client", ["fd00::/8"], request("fd00::5", "[2001:db8::7]:51234"), "2001:db8::7"],
    ["a hop that is no address", ["10.0.0.0/8"], request("10.2.0.5", "198.51.100.7, unknown"), "10.2.0.5"],
    ["a request from the proxy itself (a probe)", ["10.0.0.0/8"], request("10.2.0.5"), "10.2.0.5"],
    ["a peer that is not a trusted proxy", ["10.0.0.0/8"], request("203.0.113.9", "198.51.100.7"), "203.0.113.9"],
  ])("behind %s", (_case, trusted, req, client) => {
    expect(clientAddressOf(trusted)(req)).toBe(client);
  });

  it("accepts only addresses and CIDR ranges as trusted proxies, saying what was wrong", () => {
    for (const entry of ["10.0.0.0/8", "192.0.2.10", "fd00::/8", "::1"]) expect(trustedProxyProblem(entry)).toBeUndefined();
    expect(trustedProxyProblem("ingress-nginx")).toBe(
      'has "ingress-nginx", which is not an IP address or CIDR range (as in 10.0.0.0/8 or fd00::/8): a proxy is trusted by the address its connections come from',
    );
    expect(trustedProxyProblem("10.0.0.0/33")).toBe('has "10.0.0.0/33": the prefix length of an IPv4 range is 0 to 32');
    expect(trustedProxyProblem("fd00::/x")).toBe('has "fd00::/x": the prefix length of an IPv6 range is 0 to 128');
  });
});

const LIST_TOOLS = { id: 1, method: "tools/list" };

describe.skipIf(missingService("nginx"))(
  `behind a real reverse proxy (nginx, real tokens)${missingService("nginx") ? ` (${missingService("nginx")})` : ""}`,
  () => {
    it("counts and audits failed authentications per client, not per proxy, once the proxy is trusted", async () => {
      const home = mkdtempSync(join(tmpdir(), "behind-proxy-"));
      const issuer = await startDevIssuer({ home });
      const [trustingPort, plainPort] = [await freePort(), await freePort()];
      const origin = (port: number) => `http://127.0.0.1:${port}`;
      const start = (port: number, more: NodeJS.ProcessEnv) =>
        startServerProcess(
          SWITCHES_FIXTURE,
          checkingTokensFrom(issuer.issuer, home, { MCP_AUTH_AUDIENCE: `${origin(port)}/mcp`, MCP_AUTH_FAILURES_PER_MINUTE: "3", ...more }),
        );
      const [trusting, plain] = await Promise.all([start(trustingPort, { MCP_TRUSTED_PROXIES: "127.0.0.1" }), start(plainPort, {})]);
      const proxies = await Promise.all([
        startLoadBalancer([Number(new URL(trusting.url).port)], { port: trustingPort }),
        startLoadBalancer([Number(new URL(plain.url).port)], { port: plainPort }),
      ]);
      try {
        for (const port of [trustingPort, plainPort]) {
          const url = `${origin(port)}/mcp`;
          const forged = `Bearer ${await mintDevToken({ home, issuer: issuer.issuer, audience: "http://127.0.0.1:1/mcp", scopes: ["switches:read"], subject: "mallory" })}`;
          const fresh = `Bearer ${await mintDevToken({ home, issuer: issuer.issuer, audience: url, scopes: ["switches:read"], subject: "alice" })}`;
          // Each client reaches this proxy through an outer one, which names it in X-Forwarded-For.
          const from = (client: string, authorization: string) =>
            postMcp(url, LIST_TOOLS, PROTOCOLS[0], { authorization, headers: { "x-forwarded-for": client } });
          const statuses = [];
          for (let i = 0; i < 4; i++) statuses.push((await from("198.51.100.7", forged)).status);
          expect(statuses).toEqual([401, 401, 401, 429]);
          // Another client's first token: checked when the server tells clients apart, refused unchecked when all share the proxy's address.
          expect((await from("203.0.113.9", fresh)).status).toBe(port === trustingPort ? 200 : 429);
        }
        // The audit trail names who failed: the client behind the trusted proxy, else the proxy.
        const refusedFrom = (server: ServerProcess) =>
          server
            .stderr()
            .split("\n")
            .filter((line) => line.includes('"authentication: refused"'))
            .map((line) => (JSON.parse(line) as { clientAddress?: string }).clientAddress);
        expect(refusedFrom(trusting)).toEqual(["198.51.100.7", "198.51.100.7", "198.51.100.7"]);
        expect(refusedFrom(plain)).toEqual(["127.0.0.1", "127.0.0.1", "127.0.0.1"]);
      } finally {
        await Promise.all(proxies.map((proxy) => proxy.stop()));
        await Promise.all([trusting.stop(), plain.stop()]);
        await issuer.close();
      }
    });
  },
);
