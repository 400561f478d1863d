import type { Logger } from "pino";
import { connectRedis, type RedisClient } from "../redis-connection.js";
import { RateLimiter, type RequestLimiter } from "./rate-limiter.js";

/**
 * The per-replica token bucket, kept in Redis so that every replica draws on the same one. Redis
 * does the arithmetic in one script (atomic) on its own clock (replicas' clocks may differ).
 * Returns the seconds to wait, like `RateLimiter`.
 */
const TAKE = `
local capacity = tonumber(ARGV[1])
local per_ms = capacity / 60000
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'updated')
local tokens = math.min(capacity, (tonumber(state[1]) or capacity) + (now - (tonumber(state[2]) or now)) * per_ms)
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = math.max(1, math.ceil((1 - tokens) / per_ms / 1000)) end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'updated', now)
redis.call('PEXPIRE', KEYS[1], 60000)
return wait
`;

/**
 * Rate limits shared by all replicas through Redis (`MCP_RATE_LIMIT_REDIS_URL`). While Redis is
 * unreachable, each replica falls back to its own bucket: callers stay limited, only less tightly,
 * and no request waits on a cache that is down.
 */
export class SharedRateLimiter implements RequestLimiter {
  readonly #perMinute: number;
  readonly #prefix: string;
  readonly #local: RateLimiter;
  readonly #client: Promise<RedisClient>;
  /** Settles once Redis first answers; until then the replica's own bucket does. */
  readonly connected: Promise<void>;

  constructor(url: string, perMinute: number, namespace: string, logger: Logger) {
    this.#perMinute = perMinute;
    this.#prefix = `mcp:rate:${namespace}:`;
    this.#local = new RateLimiter(perMinute);
    this.#client = connectRedis(url, logger, {
      fields: { rateLimits: "redis" },
      up: "rate limits shared through Redis",
      down: "Redis unreachable: rate limits fall back to this replica's own until it is back",
    });
    this.connected = this.#client.then((client) => (client.isReady ? undefined : new Promise((resolve) => client.once("ready", resolve))));
  }

  async take(key: string): Promise<number> {
    if (this.#perMinute === 0) return 0;
    const client = await this.#client;
    if (!client.isReady) return this.#local.take(key);
    try {
      return Number(await client.eval(TAKE, { keys: [this.#prefix + key], arguments: [String(this.#perMinute)] }));
    } catch {
      return this.#local.take(key);
    }
  }

  async close(): Promise<void> {
    const client = await this.#client;
    if (client.isOpen) client.destroy();
  }
}
