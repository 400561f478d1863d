import type { RedisClientType } from "@redis/client";
import type { Logger } from "pino";

export type RedisClient = RedisClientType;

/** What a shared-state feature logs when Redis comes and goes, and what it does meanwhile. */
export interface RedisUse {
  /** Log fields, e.g. `{ rateLimits: "redis" }`. */
  fields: Record<string, string>;
  up: string;
  down: string;
}

/**
 * A Redis client that connects in the background and keeps reconnecting: a feature built on it
 * degrades to this replica's own state while Redis is away, and says so once each way.
 */
export async function connectRedis(url: string, logger: Logger, use: RedisUse): Promise<RedisClient> {
  const { createClient } = await import("@redis/client");
  const client = createClient({
    url,
    // Fail fast while disconnected (the replica's own state answers) instead of queueing commands.
    disableOfflineQueue: true,
    socket: { connectTimeout: 2000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5000) },
  }) as RedisClient;
  let healthy = true;
  client.on("ready", () => {
    healthy = true;
    logger.info(use.fields, use.up);
  });
  client.on("error", (error: Error) => {
    if (!healthy) return;
    healthy = false;
    logger.warn({ err: error, ...use.fields }, use.down);
  });
  client.connect().catch(() => undefined);
  return client;
}
