import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { missingService } from "./binaries.js";
import { startLoadBalancer, UPSTREAM_HEADER, type LocalLoadBalancer } from "./nginx.js";

const missing = missingService("nginx");

describe.skipIf(missing)(`nginx load balancer${missing ? ` (${missing})` : ""}`, () => {
  const upstreams: Server[] = [];
  let balancer: LocalLoadBalancer;

  beforeAll(async () => {
    for (const name of ["a", "b"]) {
      const server = createServer((req, res) => {
        if (req.url === "/hang") return req.socket.destroy();
        res.end(name);
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      upstreams.push(server);
    }
    balancer = await startLoadBalancer(upstreams.map((s) => (s.address() as AddressInfo).port));
  });
  afterAll(async () => {
    await balancer.stop();
    for (const server of upstreams) server.close();
  });

  it("takes turns, and names the upstream that answered", async () => {
    const answers = await Promise.all([0, 1, 2, 3].map(() => fetch(`${balancer.origin}/`, { method: "POST" })));
    expect(new Set(await Promise.all(answers.map((r) => r.text())))).toEqual(new Set(["a", "b"]));
    expect(answers[0]!.headers.get(UPSTREAM_HEADER)).toMatch(/^127\.0\.0\.1:\d+$/);
  });

  it("answers 502 for a POST its upstream dropped, without replaying it elsewhere", async () => {
    const response = await fetch(`${balancer.origin}/hang`, { method: "POST", body: "x" });
    expect(response.status).toBe(502);
  });
});
