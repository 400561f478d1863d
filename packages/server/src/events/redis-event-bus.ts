import { randomUUID } from "node:crypto";
import { InMemoryServerEventBus, type ServerEvent, type ServerEventBus } from "@modelcontextprotocol/server";
import type { Logger } from "pino";
import { connectRedis, type RedisClient } from "../redis-connection.js";

interface Envelope {
  origin: string;
  event: ServerEvent;
}

/**
 * The bus behind `subscriptions/listen`, shared by every replica of a server through Redis
 * pub/sub: a change on one replica (its kill switch, `listChanged`, `resourceUpdated`) reaches
 * the listen streams open on all of them. A replica's own events go to its own streams directly
 * (not round the network, and not twice); while Redis is away, each replica still serves its own.
 */
export class RedisEventBus implements ServerEventBus {
  readonly #local: InMemoryServerEventBus;
  readonly #origin = randomUUID();
  readonly #channel: string;
  readonly #publisher: Promise<RedisClient>;
  readonly #subscriber: Promise<RedisClient>;
  /** Settles once events from other replicas arrive (the subscription is in place). */
  readonly connected: Promise<void>;

  constructor(url: string, server: string, logger: Logger) {
    this.#local = new InMemoryServerEventBus((error) => logger.warn({ err: error }, "a listen stream failed to take an event"));
    this.#channel = `mcp:events:${server}`;
    this.#publisher = connectRedis(url, logger, {
      fields: { events: "redis" },
      up: "server events shared through Redis",
      down: "Redis unreachable: listen streams get only this replica's own changes until it is back",
    });
    this.#subscriber = this.#publisher.then((client) => client.duplicate());
    this.connected = this.#subscriber.then(async (subscriber) => {
      await subscriber.connect();
      await subscriber.subscribe(this.#channel, (message) => this.#received(message));
    });
    this.connected.catch((error: unknown) => logger.warn({ err: error }, "cannot subscribe to server events in Redis"));
  }

  publish(event: ServerEvent): void {
    this.#local.publish(event);
    const envelope: Envelope = { origin: this.#origin, event };
    void this.#publisher.then((client) => (client.isReady ? client.publish(this.#channel, JSON.stringify(envelope)) : 0)).catch(() => undefined);
  }

  subscribe(listener: (event: ServerEvent) => void): () => void {
    return this.#local.subscribe(listener);
  }

  async close(): Promise<void> {
    for (const client of await Promise.allSettled([this.#subscriber, this.#publisher])) {
      if (client.status === "fulfilled" && client.value.isOpen) client.value.destroy();
    }
  }

  #received(message: string): void {
    const { origin, event } = JSON.parse(message) as Envelope;
    if (origin !== this.#origin) this.#local.publish(event);
  }
}
