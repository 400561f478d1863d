import { InMemoryServerEventBus, type ServerEventBus } from "@modelcontextprotocol/server";
import type { Logger } from "pino";
import type { RuntimeConfig } from "../config.js";
import { RedisEventBus } from "./redis-event-bus.js";

export interface EventBus extends ServerEventBus {
  close(): Promise<void>;
}

/**
 * In this process by default; shared by all replicas through Redis when `MCP_EVENTS_REDIS_URL`
 * (or, if unset, `MCP_RATE_LIMIT_REDIS_URL`: one Redis usually serves both) is set.
 */
export function eventBusFor(config: RuntimeConfig, server: string, logger: Logger): EventBus {
  const url = config.MCP_EVENTS_REDIS_URL ?? config.MCP_RATE_LIMIT_REDIS_URL;
  if (url) return new RedisEventBus(url, server, logger);
  const local = new InMemoryServerEventBus((error) => logger.warn({ err: error }, "a listen stream failed to take an event"));
  return Object.assign(local, { close: () => Promise.resolve() });
}
