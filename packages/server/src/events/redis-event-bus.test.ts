import type { ServerEvent } from "@modelcontextprotocol/server";
import { missingService, startRedis, type LocalRedis } from "@mcp-platform/test-services";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisEventBus } from "./redis-event-bus.js";

const missing = missingService("redis-server");
const logger = pino({ level: "silent" });

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
};

describe.skipIf(missing)(`server events shared through Redis${missing ? ` (${missing})` : ""}`, () => {
  let redis: LocalRedis;
  const buses: RedisEventBus[] = [];
  const replica = async (server = "inventory") => {
    const bus = new RedisEventBus(redis.url, server, logger);
    buses.push(bus);
    await bus.connected;
    return bus;
  };
  const heard = (bus: RedisEventBus) => {
    const events: ServerEvent[] = [];
    bus.subscribe((event) => void events.push(event));
    return events;
  };

  beforeAll(async () => void (redis = await startRedis()));
  afterAll(async () => {
    for (const bus of buses) await bus.close();
    await redis?.stop();
  });

  it("delivers a change on one replica to the listeners of every replica, each once", async () => {
    const [a, b, c] = [await replica(), await replica(), await replica()];
    const [onA, onB, onC] = [heard(a), heard(b), heard(c)];
    a.publish({ kind: "tools_list_changed" });
    b.publish({ kind: "resource_updated", uri: "service://payments-api" });
    await until(() => onC.length === 2 && onA.length === 2 && onB.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const events of [onA, onB, onC]) {
      expect(events).toEqual(expect.arrayContaining([{ kind: "tools_list_changed" }, { kind: "resource_updated", uri: "service://payments-api" }]));
      expect(events).toHaveLength(2);
    }
  });

  it("keeps each server's events apart", async () => {
    const [inventory, runbooks] = [await replica("inventory-x"), await replica("runbooks-x")];
    const onRunbooks = heard(runbooks);
    inventory.publish({ kind: "tools_list_changed" });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(onRunbooks).toEqual([]);
  });

  it("still serves this replica's own listeners while Redis is unreachable", () => {
    const alone = new RedisEventBus("redis://127.0.0.1:1", "inventory", logger);
    buses.push(alone);
    const events = heard(alone);
    alone.publish({ kind: "prompts_list_changed" });
    expect(events).toEqual([{ kind: "prompts_list_changed" }]);
  });
});
