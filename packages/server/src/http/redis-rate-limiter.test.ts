import { missingService, startRedis, type LocalRedis } from "@mcp-platform/test-services";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { RateLimiter, type RequestLimiter } from "./rate-limiter.js";
import { rateLimiterFor } from "./rate-limiter-from-config.js";
import { SharedRateLimiter } from "./redis-rate-limiter.js";

const missing = missingService("redis-server");
const logger = pino({ level: "silent" });

describe("rate limiter selection", () => {
  it("is per replica unless MCP_RATE_LIMIT_REDIS_URL is set", async () => {
    const local = rateLimiterFor(loadConfig({}), "inventory", logger);
    expect(local).toBeInstanceOf(RateLimiter);
    const shared = rateLimiterFor(loadConfig({ MCP_RATE_LIMIT_REDIS_URL: "redis://127.0.0.1:1" }), "inventory", logger);
    expect(shared).toBeInstanceOf(SharedRateLimiter);
    await shared.close();
  });
});

describe.skipIf(missing)(`rate limits shared through Redis${missing ? ` (${missing})` : ""}`, () => {
  let redis: LocalRedis;
  const limiters: RequestLimiter[] = [];
  const replica = async (perMinute: number, server = "inventory") => {
    const limiter = new SharedRateLimiter(redis.url, perMinute, server, logger);
    limiters.push(limiter);
    await limiter.connected;
    return limiter;
  };

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const limiter of limiters) await limiter.close();
    await redis?.stop();
  });

  it("gives all replicas one budget per principal", async () => {
    const [a, b, c] = [await replica(6), await replica(6), await replica(6)];
    const waits = [];
    for (const limiter of [a, b, c, a, b, c]) waits.push(await limiter.take("alice"));
    expect(waits).toEqual([0, 0, 0, 0, 0, 0]);
    const refused = await b.take("alice");
    expect(refused).toBeGreaterThanOrEqual(1);
    expect(refused).toBeLessThanOrEqual(10);
    expect(await c.take("bob")).toBe(0);
  });

  it("keeps each server's budget apart", async () => {
    const inventory = await replica(1, "inventory-x");
    const runbooks = await replica(1, "runbooks-x");
    expect(await inventory.take("carol")).toBe(0);
    expect(await inventory.take("carol")).toBeGreaterThan(0);
    expect(await runbooks.take("carol")).toBe(0);
  });

  // Nothing ever listens on port 1: a take that waited for Redis would never settle, and the test would time out.
  it("falls back to the replica's own bucket when Redis is gone, without waiting on it", async () => {
    const limiter = new SharedRateLimiter("redis://127.0.0.1:1", 2, "inventory", logger);
    limiters.push(limiter);
    expect([await limiter.take("dave"), await limiter.take("dave")]).toEqual([0, 0]);
    expect(await limiter.take("dave")).toBeGreaterThan(0);
  });
});
