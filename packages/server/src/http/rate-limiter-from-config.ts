import type { Logger } from "pino";
import type { RuntimeConfig } from "../config.js";
import { RateLimiter, type RequestLimiter } from "./rate-limiter.js";
import { SharedRateLimiter } from "./redis-rate-limiter.js";

/** Per replica by default; shared by all replicas of `server` when `MCP_RATE_LIMIT_REDIS_URL` is set. */
export function rateLimiterFor(config: RuntimeConfig, server: string, logger: Logger): RequestLimiter {
  const perMinute = config.MCP_RATE_LIMIT_PER_MINUTE;
  if (!config.MCP_RATE_LIMIT_REDIS_URL || perMinute === 0) return new RateLimiter(perMinute);
  return new SharedRateLimiter(config.MCP_RATE_LIMIT_REDIS_URL, perMinute, server, logger);
}
