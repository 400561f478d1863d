import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { missingService, startPostgres, type LocalPostgres } from "@mcp-platform/test-services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Inventory } from "./inventory.js";
import { inventoryFromEnvironment } from "./inventory-from-environment.js";
import { PostgresInventory } from "./postgres-inventory.js";
import { SqliteInventory } from "./sqlite-inventory.js";

/** Where an inventory lives, and how another replica opens the same one. */
interface Backend {
  setUp(): Promise<void>;
  open(): Inventory;
  tearDown(): Promise<void>;
}

function sqlite(): Backend {
  const dir = mkdtempSync(join(tmpdir(), "inventory-test-"));
  return {
    setUp: () => Promise.resolve(),
    open: () => new SqliteInventory(join(dir, "inventory.sqlite")),
    tearDown: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}

function postgres(): Backend {
  let server: LocalPostgres;
  return {
    setUp: async () => void (server = await startPostgres()),
    open: () => new PostgresInventory(server.url),
    tearDown: () => server.stop(),
  };
}

const postgresMissing = missingService("postgresql");
const backends = [
  { name: "SQLite", backend: sqlite, skip: undefined },
  { name: `PostgreSQL${postgresMissing ? ` (${postgresMissing})` : ""}`, backend: postgres, skip: postgresMissing },
];

describe.each(backends)("$name inventory", ({ backend, skip }) => {
  const db = backend();
  const opened: Inventory[] = [];
  const open = () => {
    const inventory = db.open();
    opened.push(inventory);
    return inventory;
  };

  beforeAll(async () => {
    if (!skip) await db.setUp();
  });
  afterAll(async () => {
    if (skip) return;
    for (const inventory of opened) await inventory.close();
    await db.tearDown();
  });

  it.skipIf(skip)("starts seeded once, even when replicas open it together", async () => {
    const replicas = [open(), open(), open()];
    const lists = await Promise.all(replicas.map((r) => r.list({})));
    for (const list of lists) expect(list.map((s) => s.name)).toEqual(["checkout-web", "payments-api", "order-events", "search-indexer", "report-builder"]);
    expect(lists[0]![0]).toEqual({
      name: "checkout-web",
      team: "team-checkout",
      tier: 1,
      status: "active",
      maintenanceReason: null,
      updatedAt: new Date(0).toISOString(),
    });
  });

  it.skipIf(skip)("filters by team and status, and finds one by name", async () => {
    const inventory = open();
    expect((await inventory.list({ team: "team-search" })).map((s) => s.name)).toEqual(["search-indexer"]);
    expect(await inventory.list({ team: "team-search", status: "maintenance" })).toEqual([]);
    expect(await inventory.get("report-builder")).toMatchObject({ team: "team-analytics", tier: 3 });
    expect(await inventory.get("nothing")).toBeUndefined();
  });

  it.skipIf(skip)("changes a status for every replica to see", async () => {
    const [a, b] = [open(), open()];
    const changed = await a.setStatus("order-events", "maintenance", "broker upgrade");
    expect(changed).toMatchObject({ name: "order-events", status: "maintenance", maintenanceReason: "broker upgrade" });
    expect(Date.parse(changed.updatedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(await b.get("order-events")).toEqual(changed);
    expect((await b.list({ status: "maintenance" })).map((s) => s.name)).toEqual(["order-events"]);
    await expect(b.setStatus("nothing", "active", null)).rejects.toThrow('No service "nothing"');
  });
});

describe("inventoryFromEnvironment", () => {
  it("is SQLite unless MCP_INVENTORY_DB_URL names PostgreSQL, and connects to neither before first use", () => {
    expect(inventoryFromEnvironment({ MCP_PLATFORM_HOME: "/nonexistent" })).toBeInstanceOf(SqliteInventory);
    expect(inventoryFromEnvironment({ MCP_INVENTORY_DB_URL: "postgres://127.0.0.1:1/none" })).toBeInstanceOf(PostgresInventory);
  });
});
